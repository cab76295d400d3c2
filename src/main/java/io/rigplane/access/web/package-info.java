/**
 * The dashboard's access pages: sign-in, account, users, tokens and the audit log.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.access.web;

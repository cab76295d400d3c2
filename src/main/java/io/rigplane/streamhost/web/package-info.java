/**
 * The stream host's REST API and dashboard page.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.streamhost.web;

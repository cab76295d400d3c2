/**
 * Sessions' and devices' REST APIs and dashboard pages, and the play page.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.session.web;

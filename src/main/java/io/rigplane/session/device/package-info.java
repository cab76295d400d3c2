/**
 * Thin-client devices: registration with their own tokens, the profiles each may stream, revocation.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.session.device;

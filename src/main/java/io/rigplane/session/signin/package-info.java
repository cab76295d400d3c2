/**
 * Signing a TV in without typing a token: the OAuth 2.0 Device Authorization Grant (RFC 8628).
 * The TV shows a short code, an admin approves it with a name and profiles, and the TV exchanges
 * its device code once for the new device's token.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.session.signin;

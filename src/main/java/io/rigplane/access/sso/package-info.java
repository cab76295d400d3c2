/**
 * Single sign-on with an OpenID Connect provider: discovery from the issuer, roles from a claim of
 * group names, and the local user record each provider account is linked to.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.access.sso;

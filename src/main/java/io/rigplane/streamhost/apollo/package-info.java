/**
 * Talking to Apollo's config API: logins, paired clients and their permissions, one-time pairing codes, its TLS.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.streamhost.apollo;

/**
 * API tokens and device tokens: issuing, storing their hashes, and authenticating bearer credentials.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.access.token;

/**
 * The security filter chains and authorization rules, sign-in throttling, problem responses for refused requests, and the secret key and log masking.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.access.security;

/**
 * The audit log's storage, search, retention and its API.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.access.audit;

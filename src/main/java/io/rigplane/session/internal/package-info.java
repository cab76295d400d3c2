/**
 * Stream sessions' internals: the journey from waking the host to streaming, its driver and store, idle stop and settings.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.session.internal;

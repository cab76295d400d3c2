/**
 * How operations run: the store, the runner behind the Quartz job, task steps, the watchdog for
 * stuck operations, and the operations' REST resource, page and live stream.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.operation.internal;

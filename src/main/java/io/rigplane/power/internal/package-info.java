/**
 * Power's internals: the power operations' handlers, GPU claims in the database and power readings.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.power.internal;

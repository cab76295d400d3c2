/**
 * When a stream host can stream: the guest's reachable address, then its /serverinfo answering, and its ports.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.streamhost.readiness;

/**
 * Live streams of server-sent events, one design for every module: one poller per replica and
 * stream kind asks the module what changed and fans the news out to this replica's subscribers;
 * every event has an id, so a client that reconnects with {@code Last-Event-ID} misses nothing and
 * sees nothing twice.
 */
@org.jspecify.annotations.NullMarked
package io.rigplane.system.live;

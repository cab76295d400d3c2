package io.rigplane.system.live;

/**
 * One server-sent event: its {@code id} (what a client sends back as {@code Last-Event-ID}), its
 * {@code event} name and its data, written as JSON.
 */
public record LiveEvent(long id, String name, Object data) {
}

package io.rigplane.notification;

import java.time.Instant;
import java.util.Map;

/**
 * What a target is told: the event, a one-line title, a message for people, what it is about (a
 * profile, a node, an operation) and details as text. Stored as JSON in the queue; each kind of
 * target renders its request from it.
 */
record Notification(String event, String title, String message, String subject, Instant occurredAt,
        Map<String, String> details) {
}

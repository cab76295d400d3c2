package io.rigplane.notification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP request a notification becomes for each kind of target: a signed JSON body (webhook),
 * ntfy's JSON publishing API, or a Discord message with an embed.
 */
record OutgoingRequest(String url, Map<String, String> headers, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Discord embed colours: red for trouble, blue for a test. */
    private static final int RED = 0xD9534F;
    private static final int BLUE = 0x3B82F6;

    static OutgoingRequest of(StoredTarget target, long delivery, Notification notification,
            @Nullable String secret) {
        return switch (target.kind()) {
            case "webhook" -> webhook(target, delivery, notification, secret);
            case "ntfy" -> ntfy(target, notification, secret);
            case "discord" -> discord(target, notification);
            default -> throw new IllegalStateException("no such kind of target: " + target.kind());
        };
    }

    /**
     * The notification with its delivery id first: a receiver that gets a delivery twice (at least
     * once means that can happen when a replica dies mid-request) sees the same id twice.
     */
    private static OutgoingRequest webhook(StoredTarget target, long delivery, Notification notification,
            @Nullable String secret) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("delivery", delivery);
        payload.put("event", notification.event());
        payload.put("title", notification.title());
        payload.put("message", notification.message());
        payload.put("subject", notification.subject());
        payload.put("occurredAt", notification.occurredAt().toString());
        payload.put("details", notification.details());
        byte[] body = JSON.writeValueAsBytes(payload);
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json",
                "X-Rigplane-Event", notification.event(), "X-Rigplane-Delivery", String.valueOf(delivery)));
        if (secret != null) {
            headers.put(Signature.HEADER, Signature.of(body, secret));
        }
        return new OutgoingRequest(target.url(), headers, body);
    }

    /**
     * ntfy's JSON API posts to the server's root with the topic in the body; the target's URL is the
     * topic URL that people subscribe to (https://ntfy.sh/my-topic), so the last path segment is the topic.
     */
    private static OutgoingRequest ntfy(StoredTarget target, Notification notification, @Nullable String token) {
        String url = target.url().replaceAll("/+$", "");
        int slash = url.lastIndexOf('/');
        String root = url.substring(0, slash + 1);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("topic", url.substring(slash + 1));
        message.put("title", notification.title());
        message.put("message", notification.message());
        message.put("priority", target.priority() != null ? target.priority()
                : notification.event().equals(EventType.TEST.wire()) ? 3 : 4);
        message.put("tags", target.tags().isEmpty() ? List.of(notification.event().equals(EventType.TEST.wire())
                ? "white_check_mark" : "warning", notification.event()) : target.tags());
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return new OutgoingRequest(root, headers, JSON.writeValueAsBytes(message));
    }

    private static OutgoingRequest discord(StoredTarget target, Notification notification) {
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", clip(notification.title(), 256));
        embed.put("description", clip(notification.message(), 4000));
        embed.put("color", notification.event().equals(EventType.TEST.wire()) ? BLUE : RED);
        embed.put("timestamp", notification.occurredAt().toString());
        embed.put("fields", notification.details().entrySet().stream().limit(25)
                .map(e -> Map.of("name", clip(e.getKey(), 256), "value", clip(e.getValue(), 1024), "inline", true))
                .toList());
        embed.put("footer", Map.of("text", "Rigplane · " + notification.event()));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("content", clip(notification.title(), 2000));
        message.put("embeds", List.of(embed));
        // a notification never pings @everyone, whatever a VM or profile is called
        message.put("allowed_mentions", Map.of("parse", List.of()));
        return new OutgoingRequest(target.url(), Map.of("Content-Type", "application/json"),
                JSON.writeValueAsBytes(message));
    }

    private static String clip(String text, int max) {
        return text.isEmpty() ? "-" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

package io.rigplane.session.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A wake-and-stream session as a client sees it: where it is, how it got there, how to connect. */
public record StreamSession(
        UUID id,
        @Schema(example = "gaming-pc") String profile,
        @Schema(description = "the device that asked for it, if a device did", example = "living-room-tv")
        @Nullable String device,
        @Schema(description = "who asked: TYPE:name", example = "DEVICE:living-room-tv") String requestedBy,
        @Schema(description = "the name the client pairs with the stream host under", example = "living-room-tv")
        String clientName,
        SessionState state,
        @Schema(description = "why it failed or ended, in words a person understands") @Nullable String reason,
        @Schema(description = "place in the queue for a busy GPU (1 = next); null when not queued")
        @Nullable Integer queuePosition,
        Instant createdAt,
        @Nullable Instant readyAt,
        @Nullable Instant endedAt,
        @Schema(description = "last stream seen by the stream host or last heartbeat") @Nullable Instant lastActivityAt,
        @Schema(description = "how to connect; set from READY on") @Nullable Connection connection,
        List<Transition> transitions,
        @Schema(description = "the power-start operation that woke the host and started the VM")
        @Nullable UUID operationId,
        @Schema(description = "where the start placed the VM and why: {node, reason, alternatives: [{node, reason}],"
                + " migrateFrom, device}; null until the VM is started")
        tools.jackson.databind.@Nullable JsonNode placement) {

    /** One state change, stored with its time. */
    public record Transition(SessionState state, Instant at, @Nullable String detail) {
    }

    /** What a thin client needs to stream: the host, its ports, the app, and one-tap links. */
    public record Connection(
            @Schema(example = "192.168.1.50") String host,
            @Schema(example = "47989") int port,
            @Schema(description = "every port of the stream host by purpose") Map<String, Integer> ports,
            @Schema(example = "Desktop") String app,
            @Schema(description = "opens Artemis: pairs with a one-time PIN the first time, launches the app afterwards; null for Sunshine",
                    example = "art://launch?host_uuid=…") @Nullable String artemisLink,
            boolean pairingRequired,
            @Schema(description = "the one-time pairing PIN, while pairing is required") @Nullable String pin,
            @Nullable Instant pinExpiresAt,
            @Schema(description = "what to enter in Moonlight") String moonlight) {
    }
}

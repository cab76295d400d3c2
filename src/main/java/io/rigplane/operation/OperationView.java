package io.rigplane.operation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An operation as it stands: what, on which target, by whom, its steps and how it ended. Named
 * {@code Operation} in the API, as it always was.
 */
@Schema(name = "Operation")
public record OperationView(
        UUID id,
        @Schema(example = "apply") String kind,
        @Schema(example = "gaming-pc") String target,
        Map<String, String> params,
        OperationState state,
        @Schema(description = "How far a running operation has got, for operations that report it (power-start)")
        @Nullable OperationPhase phase,
        @Schema(example = "USER") String actorType,
        @Schema(example = "admin") String actor,
        @Nullable String summary,
        @Nullable String error,
        int attempts,
        List<OperationStep> steps,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        long version) {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    /**
     * Where a start placed the VM and why (its {@code placement} parameter, written by power control as
     * JSON), as an object; null for other operations.
     */
    @com.fasterxml.jackson.annotation.JsonProperty("placement")
    @Schema(description = "power-start: the node chosen for the VM and why: {node, reason, alternatives: [{node, reason}],"
            + " migrateFrom, device}")
    public tools.jackson.databind.@Nullable JsonNode placement() {
        String placement = params.get("placement");
        if (placement == null || !kind.equals("power-start")) {
            return null;
        }
        try {
            return JSON.readTree(placement);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The Proxmox task ids of every step, in order. */
    public List<String> upids() {
        return steps.stream().map(OperationStep::upid).filter(java.util.Objects::nonNull).toList();
    }
}

package io.rigplane.snapshot.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A snapshot of a profile's VM as Proxmox lists it, and whether Rigplane took it. */
public record SnapshotEntry(
        @Schema(example = "auto-daily-202611260300") String name,
        @Nullable String description,
        @Nullable Instant takenAt,
        boolean ramState,
        @Nullable String parent,
        @Schema(description = "prepare or delete while Proxmox is working on it") @Nullable String snapstate,
        boolean takenByRigplane,
        @Schema(description = "the policy label, for scheduled snapshots") @Nullable String label) {
}

package io.rigplane.snapshot.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A rollback: confirmed by repeating the snapshot's name; a running VM is stopped first only when asked. */
public record RollbackRequest(
        @Schema(example = "auto-daily-202611260300", description = "must repeat the snapshot's name")
        @Nullable String confirm,
        @Schema(description = "stop a running VM first (its unsaved state is lost); without it a running VM is refused")
        @Nullable Boolean stopFirst) {
}

package io.rigplane.snapshot.policy;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One schedule of a profile: when (a five-field cron in a time zone), under which label, how many
 * of its snapshots to keep, with or without RAM state, and whether a stopped VM is snapshotted.
 */
public record SnapshotPolicy(
        @Schema(example = "daily", description = "names the snapshots auto-{label}-{yyyyMMddHHmm}; 1-22 of a-z A-Z 0-9 _ -, starting with a letter or digit")
        @Nullable String label,
        @Schema(example = "0 3 * * *", description = "minute hour day-of-month month day-of-week")
        @Nullable String cron,
        @Schema(example = "Europe/Berlin", description = "IANA time zone of the cron; UTC when absent")
        @Nullable String timeZone,
        @Schema(example = "7", description = "how many snapshots of this label to keep (1-500)")
        @Nullable Integer keep,
        @Schema(description = "save RAM state too; refused for GPU passthrough VMs. Default false")
        @Nullable Boolean ramState,
        @Schema(description = "always (default) or only-when-running")
        @Nullable RunWhen when,
        @Schema(description = "default true")
        @Nullable Boolean enabled) {

    public String zone() {
        return timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
    }

    public boolean withRam() {
        return Boolean.TRUE.equals(ramState);
    }

    public RunWhen runWhen() {
        return when == null ? RunWhen.ALWAYS : when;
    }

    public boolean active() {
        return !Boolean.FALSE.equals(enabled);
    }

    /** The same policy with every default filled in, as it is stored and shown. */
    SnapshotPolicy normalized() {
        return new SnapshotPolicy(label, cron == null ? null : cron.trim().replaceAll("\\s+", " "), zone(), keep,
                withRam(), runWhen(), active());
    }
}

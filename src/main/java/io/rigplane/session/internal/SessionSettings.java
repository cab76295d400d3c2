package io.rigplane.session.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How sessions behave on one profile: when an idle session ends, how long the VM stays up after
 * the last one, how long a session may last, whether two may share the VM, and what happens when
 * the GPU is busy with someone else's session.
 */
public record SessionSettings(
        @Schema(description = "end a session after this long without a stream or a heartbeat", example = "900",
                minimum = "1", maximum = "86400") @Nullable Integer idleTimeoutSeconds,
        @Schema(description = "shut the VM down this long after its last session ended (a new session cancels it)",
                example = "600", minimum = "0", maximum = "86400") @Nullable Integer graceSeconds,
        @Schema(description = "end a session after this long whatever happens; null: no limit", example = "14400",
                minimum = "1", maximum = "604800") @Nullable Integer maxLengthSeconds,
        @Schema(description = "a second session on a profile with a live one: share the VM, or refuse it")
        @Nullable Concurrent concurrent,
        @Schema(description = "the GPU is held by another profile's live session: refuse, or queue with a position")
        @Nullable WhenGpuBusy whenGpuBusy,
        @Schema(description = "how long the stream host may take to answer after the VM started", example = "300",
                minimum = "5", maximum = "3600") @Nullable Integer streamHostTimeoutSeconds) {

    static final SessionSettings DEFAULTS = new SessionSettings(900, 600, null, Concurrent.SHARE, WhenGpuBusy.REFUSE, 300);

    public enum Concurrent {
        @JsonProperty("share") SHARE, @JsonProperty("refuse") REFUSE
    }

    public enum WhenGpuBusy {
        @JsonProperty("refuse") REFUSE, @JsonProperty("queue") QUEUE
    }

    /** Missing fields take the defaults; out-of-range ones are refused, each with its reason. */
    public SessionSettings completed() {
        SessionSettings full = new SessionSettings(
                idleTimeoutSeconds == null ? DEFAULTS.idleTimeoutSeconds : idleTimeoutSeconds,
                graceSeconds == null ? DEFAULTS.graceSeconds : graceSeconds, maxLengthSeconds,
                concurrent == null ? DEFAULTS.concurrent : concurrent,
                whenGpuBusy == null ? DEFAULTS.whenGpuBusy : whenGpuBusy,
                streamHostTimeoutSeconds == null ? DEFAULTS.streamHostTimeoutSeconds : streamHostTimeoutSeconds);
        List<FieldError> errors = new ArrayList<>();
        range(errors, "idleTimeoutSeconds", full.idleTimeoutSeconds, 1, 86_400);
        range(errors, "graceSeconds", full.graceSeconds, 0, 86_400);
        if (full.maxLengthSeconds != null) {
            range(errors, "maxLengthSeconds", full.maxLengthSeconds, 1, 604_800);
        }
        range(errors, "streamHostTimeoutSeconds", full.streamHostTimeoutSeconds, 5, 3600);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return full;
    }

    Duration idleTimeout() {
        return Duration.ofSeconds(idleTimeoutSeconds == null ? DEFAULTS.idleTimeoutSeconds : idleTimeoutSeconds);
    }

    Duration grace() {
        return Duration.ofSeconds(graceSeconds == null ? DEFAULTS.graceSeconds : graceSeconds);
    }

    Duration streamHostTimeout() {
        return Duration.ofSeconds(streamHostTimeoutSeconds == null ? DEFAULTS.streamHostTimeoutSeconds
                : streamHostTimeoutSeconds);
    }

    private static void range(List<FieldError> errors, String field, @Nullable Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max));
        }
    }
}

package io.rigplane.session.prewarm;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a profile is pre-warmed: the mode, how long before the expected session the VM should be
 * ready, how long a warm VM waits for a session before it is shut down again, the time zone its
 * weekdays and hours are read in, and a manual schedule that replaces the learned one.
 */
public record PrewarmSettings(
        @Schema(description = "off, suggest (learn and show, start nothing) or on") @Nullable PrewarmMode mode,
        @Schema(description = "the VM is ready this long before the expected session", example = "180",
                minimum = "0", maximum = "3600") @Nullable Integer leadSeconds,
        @Schema(description = "a warm VM without a session is shut down this long after the expected time",
                example = "900", minimum = "60", maximum = "86400") @Nullable Integer graceSeconds,
        @Schema(description = "the time zone of the weekdays and hours; default the server's", example = "Europe/Berlin")
        @Nullable String zone,
        @Schema(description = "times of the week that replace the learned pattern; empty or null: learned")
        @Nullable List<ManualTime> manual) {

    static final int DEFAULT_LEAD = 180;
    static final int DEFAULT_GRACE = 900;
    public static final int MAX_MANUAL = 50;

    /** One time of the week at which the profile is wanted. */
    public record ManualTime(@Schema(example = "FRIDAY") DayOfWeek day,
            @JsonFormat(pattern = "HH:mm") @Schema(type = "string", example = "19:30") LocalTime time) {
    }

    static PrewarmSettings off() {
        return new PrewarmSettings(PrewarmMode.OFF, DEFAULT_LEAD, DEFAULT_GRACE, ZoneId.systemDefault().getId(),
                List.of());
    }

    /** Missing fields take the defaults; wrong ones are refused, each with its reason. */
    public PrewarmSettings completed() {
        List<FieldError> errors = new ArrayList<>();
        int lead = leadSeconds == null ? DEFAULT_LEAD : leadSeconds;
        int grace = graceSeconds == null ? DEFAULT_GRACE : graceSeconds;
        if (lead < 0 || lead > 3600) {
            errors.add(new FieldError("leadSeconds", "must be between 0 and 3600"));
        }
        if (grace < 60 || grace > 86_400) {
            errors.add(new FieldError("graceSeconds", "must be between 60 and 86400"));
        }
        String zoneId = zone == null || zone.isBlank() ? ZoneId.systemDefault().getId() : zone;
        try {
            ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            errors.add(new FieldError("zone", "is not a time zone (use a name like Europe/Berlin)"));
        }
        List<ManualTime> times = manual == null ? List.of() : manual;
        if (times.size() > MAX_MANUAL) {
            errors.add(new FieldError("manual", "holds at most " + MAX_MANUAL + " times"));
        }
        for (int i = 0; i < times.size(); i++) {
            ManualTime time = times.get(i);
            if (time == null || time.day() == null || time.time() == null) {
                errors.add(new FieldError("manual[" + i + "]", "needs a day and a time"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new PrewarmSettings(mode == null ? PrewarmMode.OFF : mode, lead, grace, zoneId, List.copyOf(times));
    }

    ZoneId zoneId() {
        return ZoneId.of(zone == null ? ZoneId.systemDefault().getId() : zone);
    }

    Duration lead() {
        return Duration.ofSeconds(leadSeconds == null ? DEFAULT_LEAD : leadSeconds);
    }

    Duration grace() {
        return Duration.ofSeconds(graceSeconds == null ? DEFAULT_GRACE : graceSeconds);
    }

    boolean manualSchedule() {
        return manual != null && !manual.isEmpty();
    }
}

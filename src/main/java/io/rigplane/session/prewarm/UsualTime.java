package io.rigplane.session.prewarm;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** A time of the week at which a profile is usually wanted, in the pre-warm settings' time zone. */
public record UsualTime(
        @Schema(example = "FRIDAY") DayOfWeek day,
        @JsonFormat(pattern = "HH:mm") @Schema(type = "string", example = "19:30") LocalTime time,
        @Schema(description = "in how many of the weeks looked at a session began in this hour; 0 for a manual time",
                example = "3") int weeks,
        @Schema(description = "how many weeks were looked at; 0 for a manual time", example = "4") int ofWeeks) {
}

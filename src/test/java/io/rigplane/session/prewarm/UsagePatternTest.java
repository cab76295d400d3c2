package io.rigplane.session.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Learning when a profile is wanted from four weeks of session starts. */
class UsagePatternTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // a Wednesday noon in Berlin
    private static final Instant NOW = ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, BERLIN).toInstant();

    @Test
    void aHabitOnFridayEveningsIsLearnedAtItsMedianMinuteAndAOneOffIsNot() {
        List<Instant> starts = new ArrayList<>();
        int[] minutes = {40, 35, 50, 45};
        for (int week = 1; week <= 4; week++) {
            starts.add(friday(week, 19, minutes[week - 1]));
            // a second session the same evening does not count twice
            starts.add(friday(week, 19, 58));
        }
        starts.add(ZonedDateTime.of(2026, 11, 17, 10, 0, 0, 0, BERLIN).toInstant());

        List<UsualTime> usual = UsagePattern.learn(starts, BERLIN, NOW);

        assertThat(usual).containsExactly(new UsualTime(DayOfWeek.FRIDAY, LocalTime.of(19, 40), 4, 4));
        assertThat(UsagePattern.next(usual, BERLIN, NOW))
                .contains(ZonedDateTime.of(2026, 11, 27, 19, 40, 0, 0, BERLIN).toInstant());
    }

    @Test
    void twoOfFourWeeksIsAHabitOneIsNot() {
        List<Instant> twice = List.of(friday(1, 20, 0), friday(3, 20, 10), friday(4, 8, 0));
        List<Instant> once = List.of(friday(2, 20, 0), friday(4, 20, 0).minusSeconds(7 * 86_400L * 5));

        assertThat(UsagePattern.learn(twice, BERLIN, NOW)).extracting(UsualTime::time).containsExactly(LocalTime.of(20, 0));
        assertThat(UsagePattern.learn(once, BERLIN, NOW)).isEmpty();
    }

    @Test
    void hoursAreReadInTheProfilesZoneAcrossTheChangeOfDaylightSavingTime() {
        // 19:30 in Berlin is 17:30 UTC in summer and 18:30 UTC in winter: one habit in Berlin, split in UTC
        List<Instant> starts = List.of(
                ZonedDateTime.of(2026, 10, 16, 19, 30, 0, 0, BERLIN).toInstant(),
                ZonedDateTime.of(2026, 10, 23, 19, 30, 0, 0, BERLIN).toInstant(),
                ZonedDateTime.of(2026, 10, 30, 19, 30, 0, 0, BERLIN).toInstant());
        Instant now = ZonedDateTime.of(2026, 11, 4, 12, 0, 0, 0, BERLIN).toInstant();

        assertThat(UsagePattern.learn(starts, BERLIN, now))
                .containsExactly(new UsualTime(DayOfWeek.FRIDAY, LocalTime.of(19, 30), 3, 3));
        assertThat(UsagePattern.learn(starts, ZoneId.of("UTC"), now))
                .containsExactly(new UsualTime(DayOfWeek.FRIDAY, LocalTime.of(17, 30), 2, 3));
    }

    @Test
    void theNextTimeIsLaterTodayOrNextWeekNeverNow() {
        List<UsualTime> wednesdayNoon = List.of(new UsualTime(DayOfWeek.WEDNESDAY, LocalTime.NOON, 0, 0));
        List<UsualTime> wednesdayLater = List.of(new UsualTime(DayOfWeek.WEDNESDAY, LocalTime.of(12, 5), 0, 0));

        assertThat(UsagePattern.next(wednesdayNoon, BERLIN, NOW)).contains(NOW.plusSeconds(7 * 86_400L));
        assertThat(UsagePattern.next(wednesdayLater, BERLIN, NOW)).contains(NOW.plusSeconds(300));
        assertThat(UsagePattern.next(List.of(), BERLIN, NOW)).isEmpty();
    }

    private static Instant friday(int weeksAgo, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 20, hour, minute, 0, 0, BERLIN).minusWeeks(weeksAgo - 1L).toInstant();
    }
}

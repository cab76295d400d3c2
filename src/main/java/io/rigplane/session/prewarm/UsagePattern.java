package io.rigplane.session.prewarm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Learns when a profile is usually wanted from when its sessions began over the last four weeks:
 * an hour of a weekday counts when sessions began in it in at least two of the weeks and in at
 * least half of the weeks there is history for. Its time is the median of those weeks' first
 * starts in that hour, so a habit of "Fridays around 19:40" warms up for 19:40, not 19:00.
 */
final class UsagePattern {

    static final int WEEKS = 4;
    static final int MIN_WEEKS = 2;

    private UsagePattern() {
    }

    static List<UsualTime> learn(List<Instant> starts, ZoneId zone, Instant now) {
        Instant from = now.minus(Duration.ofDays(7L * WEEKS));
        Map<Slot, Map<Long, LocalTime>> firstPerWeek = new TreeMap<>();
        Instant earliest = null;
        for (Instant start : starts) {
            if (start.isBefore(from) || !start.isBefore(now)) {
                continue;
            }
            earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
            ZonedDateTime local = start.atZone(zone);
            long week = Duration.between(start, now).toDays() / 7;
            firstPerWeek.computeIfAbsent(new Slot(local.getDayOfWeek(), local.getHour()), slot -> new HashMap<>())
                    .merge(week, local.toLocalTime(), (a, b) -> a.isBefore(b) ? a : b);
        }
        if (earliest == null) {
            return List.of();
        }
        int observed = (int) Math.min(WEEKS, 1 + Duration.between(earliest, now).toDays() / 7);
        List<UsualTime> usual = new ArrayList<>();
        firstPerWeek.forEach((slot, weeks) -> {
            if (weeks.size() >= MIN_WEEKS && 2 * weeks.size() >= observed) {
                usual.add(new UsualTime(slot.day(), median(weeks.values()), weeks.size(), observed));
            }
        });
        return usual;
    }

    /** The first of the given times of the week that lies after {@code now}. */
    static Optional<Instant> next(List<UsualTime> times, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        return times.stream().map(time -> nextOccurrence(local, time.day(), time.time()))
                .filter(at -> at.isAfter(now)).min(Comparator.naturalOrder());
    }

    private static Instant nextOccurrence(ZonedDateTime now, DayOfWeek day, LocalTime time) {
        ZonedDateTime candidate = now.with(TemporalAdjusters.nextOrSame(day)).with(time);
        if (!candidate.toInstant().isAfter(now.toInstant())) {
            candidate = candidate.plusWeeks(1).with(time);
        }
        return candidate.toInstant();
    }

    private static LocalTime median(java.util.Collection<LocalTime> times) {
        List<LocalTime> sorted = times.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2).truncatedTo(ChronoUnit.MINUTES);
    }

    private record Slot(DayOfWeek day, int hour) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot other) {
            return Comparator.comparing(Slot::day).thenComparingInt(Slot::hour).compare(this, other);
        }
    }
}

package io.rigplane.snapshot.policy;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;

/**
 * A five-field cron ({@code minute hour day-of-month month day-of-week}, Sunday 0 or 7) turned into
 * Quartz's form. Five fields keep at least a minute between runs, which the minute-precise
 * snapshot names need.
 */
public final class CronSchedule {

    private CronSchedule() {
    }

    /** How far ahead a policy must fire at least once: leap days (29 February) come within 8 years. */
    static final int HORIZON_YEARS = 10;

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /**
     * The Quartz expression; {@link IllegalArgumentException} saying in words what is wrong
     * otherwise. Each field is read by this class's own grammar first, so that Quartz's parser,
     * which lets a step of 0 through and reports some mistakes with its internal exceptions, only
     * sees what it reads correctly.
     */
    static String toQuartz(String cron) {
        String[] f = cron.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("needs five fields (minute hour day-of-month month day-of-week), got "
                    + f.length);
        }
        field("minute", f[0], 0, 59, List.of(), Extras.NONE);
        field("hour", f[1], 0, 23, List.of(), Extras.NONE);
        field("day-of-month", f[2], 1, 31, List.of(), Extras.DAY_OF_MONTH);
        field("month", f[3], 1, 12, MONTHS, Extras.NONE);
        field("day-of-week", f[4], 0, 7, DAYS, Extras.DAY_OF_WEEK);
        String dom = f[2];
        String dow = dayOfWeek(f[4]);
        if (dow.equals("*")) {
            dow = "?";
        } else if (dom.equals("*")) {
            dom = "?";
        } else {
            throw new IllegalArgumentException("day-of-month and day-of-week cannot both be set; use one of them");
        }
        String quartz = "0 " + f[0] + " " + f[1] + " " + dom + " " + f[3] + " " + dow;
        try {
            CronExpression.validateExpression(quartz);
        } catch (ParseException e) {
            throw new IllegalArgumentException("is not a valid cron expression");
        }
        return quartz;
    }

    /**
     * {@link #toQuartz} and, in the policy's zone, at least one run within {@link #HORIZON_YEARS}
     * years of {@code now}: a date that never comes ({@code 0 3 30 2 *}) is refused, not scheduled.
     */
    static String toQuartz(String cron, ZoneId zone, Instant now) {
        String quartz = toQuartz(cron);
        if (next(cron, zone.getId(), now).filter(at -> at.isBefore(now.atZone(zone).plusYears(HORIZON_YEARS)
                .toInstant())).isEmpty()) {
            throw new IllegalArgumentException("never runs: no date matches it within the next " + HORIZON_YEARS
                    + " years (such as the 30th of February)");
        }
        return quartz;
    }

    private enum Extras { NONE, DAY_OF_MONTH, DAY_OF_WEEK }

    /** One field: a comma-separated list of {@code *}, values, ranges and steps, all within bounds. */
    private static void field(String name, String text, int min, int max, List<String> names, Extras extras) {
        for (String item : text.split(",", -1)) {
            String problem = item(item, min, max, names, extras);
            if (problem != null) {
                throw new IllegalArgumentException("is not a valid cron expression: the " + name + " field '" + text
                        + "' " + problem);
            }
        }
    }

    private static @Nullable String item(String item, int min, int max, List<String> names, Extras extras) {
        if (item.isEmpty()) {
            return "has an empty entry";
        }
        String upper = item.toUpperCase(Locale.ROOT);
        if (item.equals("*") || (extras == Extras.DAY_OF_MONTH && List.of("?", "L", "LW").contains(upper))
                || (extras == Extras.DAY_OF_WEEK && item.equals("?"))) {
            return null;
        }
        if (extras == Extras.DAY_OF_MONTH && upper.endsWith("W")) {
            return value(item.substring(0, item.length() - 1), min, max, names);
        }
        if (extras == Extras.DAY_OF_WEEK && item.contains("#")) {
            String[] parts = item.split("#", -1);
            String day = value(parts[0], min, max, names);
            if (day != null || parts.length != 2) {
                return day != null ? day : "has more than one #";
            }
            return parts[1].matches("[1-5]") ? null : "needs the week of the month, 1 to 5, after # (5#3 is the"
                    + " third Friday)";
        }
        if (extras == Extras.DAY_OF_WEEK && upper.endsWith("L") && item.length() > 1) {
            return value(item.substring(0, item.length() - 1), min, max, names);
        }
        String range = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            String step = item.substring(slash + 1);
            range = item.substring(0, slash);
            if (!NUMBER.matcher(step).matches()) {
                return "needs a whole number after /";
            }
            if (step.length() > 9 || Integer.parseInt(step) < 1 || Integer.parseInt(step) > max - min + 1) {
                return "steps by " + step + "; a step must be between 1 and " + (max - min + 1);
            }
            if (range.equals("*")) {
                return null;
            }
        }
        int dash = range.indexOf('-');
        if (dash >= 0) {
            String from = value(range.substring(0, dash), min, max, names);
            return from != null ? from : value(range.substring(dash + 1), min, max, names);
        }
        return value(range, min, max, names);
    }

    private static @Nullable String value(String value, int min, int max, List<String> names) {
        if (names.contains(value.toUpperCase(Locale.ROOT))) {
            return null;
        }
        if (!NUMBER.matcher(value).matches()) {
            return value.isEmpty() ? "is missing a number" : "has '" + value + "', which is not a number"
                    + (names.isEmpty() ? "" : " or a name (" + names.get(0) + "-" + names.get(names.size() - 1) + ")");
        }
        if (value.length() > 9 || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            return "has " + value + ", out of range " + min + "-" + max;
        }
        return null;
    }

    /**
     * Unix numbers days 0-7 from Sunday; Quartz 1-7 from Sunday. Names, steps ({@code /2}) and the
     * n of Quartz's n-th weekday ({@code 5#3}) pass through.
     */
    private static String dayOfWeek(String field) {
        StringBuilder out = new StringBuilder();
        // 0-7 is every day, but its 7 would become 1 and Quartz reads 1-1 as Sundays only
        String days = field.replaceAll("(?<![/#\\d])0-7(?!\\d)", "0-6");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![/#\\d])\\d+").matcher(days);
        while (m.find()) {
            int day = Integer.parseInt(m.group());
            m.appendReplacement(out, String.valueOf(day % 7 + 1));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static Optional<Instant> next(String cron, String zone, Instant after) {
        try {
            CronExpression expression = new CronExpression(toQuartz(cron));
            expression.setTimeZone(java.util.TimeZone.getTimeZone(ZoneId.of(zone)));
            return Optional.ofNullable(expression.getNextValidTimeAfter(Date.from(after))).map(Date::toInstant);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

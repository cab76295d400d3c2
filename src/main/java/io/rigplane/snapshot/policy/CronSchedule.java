package io.rigplane.snapshot.policy;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.quartz.CronExpression;

/**
 * A five-field cron ({@code minute hour day-of-month month day-of-week}, Sunday 0 or 7) turned into
 * Quartz's form. Five fields keep at least a minute between runs, which the minute-precise
 * snapshot names need.
 */
public final class CronSchedule {

    private CronSchedule() {
    }

    /** The Quartz expression; {@link IllegalArgumentException} saying what is wrong otherwise. */
    static String toQuartz(String cron) {
        String[] f = cron.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("needs five fields (minute hour day-of-month month day-of-week), got "
                    + f.length);
        }
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
            throw new IllegalArgumentException("is not a valid cron expression: " + e.getMessage());
        }
        return quartz;
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
            if (day > 7) {
                throw new IllegalArgumentException("day-of-week " + day + " is out of range 0-7");
            }
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

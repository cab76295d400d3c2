package io.rigplane.snapshot.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Five-field Unix cron as a policy writes it, run by Quartz in the policy's time zone. */
class CronScheduleTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "0 3 * * *          | 0 0 3 * * ?",
            "'  0   3 * * *  '  | 0 0 3 * * ?",
            "*/15 * * * *       | 0 */15 * * * ?",
            "0 3 1,15 * *       | 0 0 3 1,15 * ?",
            "0 4 * * 0          | 0 0 4 ? * 1",
            "0 4 * * 7          | 0 0 4 ? * 1",
            "0 4 * * 1-5        | 0 0 4 ? * 2-6",
            "0 4 * * 6,0        | 0 0 4 ? * 7,1",
            "0 4 * * */2        | 0 0 4 ? * */2",
            "0 4 * * 1-5/2      | 0 0 4 ? * 2-6/2",
            "0 4 * * MON-FRI    | 0 0 4 ? * MON-FRI",
            "0 4 * * 0-7        | 0 0 4 ? * 1-7",
            "0 4 * * 0-7/2      | 0 0 4 ? * 1-7/2",
            "0 4 * * 5#3        | 0 0 4 ? * 6#3",
            "0 4 * * 5L         | 0 0 4 ? * 6L",
    })
    void becomesQuartzsSixFieldsWithSundayAsOne(String cron, String quartz) {
        assertThat(CronSchedule.toQuartz(cron)).isEqualTo(quartz);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "0 3 * *            | needs five fields (minute hour day-of-month month day-of-week), got 4",
            "0 0 3 * * ?        | got 6",
            "\"\"                 | got 1",
            "0 3 1 * 1          | day-of-month and day-of-week cannot both be set",
            "0 3 ? * ?          | day-of-month and day-of-week cannot both be set",
            "0 3 * * 8          | the day-of-week field '8' has 8, out of range 0-7",
            "*/0 * * * *        | the minute field '*/0' steps by 0; a step must be between 1 and 60",
            "0 */0 * * *        | the hour field '*/0' steps by 0",
            "0 3 1/0 * *        | the day-of-month field '1/0' steps by 0",
            "0 3 * */0 *        | the month field '*/0' steps by 0",
            "0 3 * * 1-5/0      | the day-of-week field '1-5/0' steps by 0",
            "0 3 * * */9        | steps by 9; a step must be between 1 and 8",
            "0 99999999999 * * *| the hour field '99999999999' has 99999999999, out of range 0-23",
            "0 3-x * * *        | the hour field '3-x' has 'x', which is not a number",
            "0 3 * * 5#x        | needs the week of the month, 1 to 5, after #",
            "0 3 * * 5#         | needs the week of the month",
            "0 3 * * 5#6        | needs the week of the month",
            "0 3 * * 5#1#2      | has more than one #",
            "0 3,,4 * * *       | the hour field '3,,4' has an empty entry",
            "0 3 * FOO *        | 'FOO', which is not a number or a name (JAN-DEC)",
            "60 3 * * *         | is not a valid cron expression",
            "0 24 * * *         | is not a valid cron expression",
            "0 3 32 * *         | is not a valid cron expression",
            "0 3 * 13 *         | is not a valid cron expression",
            "0 3 * * FOO        | is not a valid cron expression",
    })
    void saysWhatIsWrongWithAnExpression(String cron, String problem) {
        assertThatThrownBy(() -> CronSchedule.toQuartz(cron)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "0 3 30 2 *         | UTC",
            "0 3 31 4 *         | UTC",
            "0 3 31 2,4,6,9,11 *| Europe/Berlin",
            "0 3 30 FEB *       | UTC",
    })
    void anExpressionThatNeverFiresIsRefused(String cron, String zone) {
        assertThat(CronSchedule.toQuartz(cron)).isNotBlank();
        assertThatThrownBy(() -> CronSchedule.toQuartz(cron, ZoneId.of(zone), Instant.parse("2026-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("never runs: no date matches it within the next 10 years (such as the 30th of February)");
    }

    @Test
    void aLeapDayFiresWithinTheHorizon() {
        // 2097-2103 has no 29 February (2100 is not a leap year): still within ten years
        assertThat(CronSchedule.toQuartz("0 3 29 2 *", ZoneId.of("UTC"), Instant.parse("2096-03-01T00:00:00Z")))
                .isEqualTo("0 0 3 29 2 ?");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "*/0 * * * *", "0 99999999999 * * *", "0 3 * * 5#x", "0 3 * * 5#", "0 3 1-x * *", "0 3 * * 1/0",
            "0 3 L-2 * *", "0 3 * * 1-", "0 3 * * -1", "0 3 * * 5LL", "0 3 W * *", "0 3 1-2-3 * *", "0 3 * JAN-FOO *",
            "0 3 * * 5#3,5#4", "0 3 ? ? *", "0 3 1 * L",
    })
    void aRefusalNamesNoJavaClass(String cron) {
        assertThatThrownBy(() -> CronSchedule.toQuartz(cron)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.").doesNotContain("Exception")
                        .doesNotContain("quartz"));
    }

    @ParameterizedTest(name = "''{0}'' in {1} after {2}")
    @CsvSource(delimiter = '|', value = {
            // every day at 03:00, wherever the policy is
            "0 3 * * *      | UTC              | 2026-01-10T12:00:00Z | 2026-01-11T03:00Z;2026-01-12T03:00Z",
            "0 3 * * *      | UTC              | 2026-01-11T03:00:00Z | 2026-01-12T03:00Z",
            "0 3 * * *      | Europe/Berlin    | 2026-01-10T12:00:00Z | 2026-01-11T03:00+01:00;2026-01-12T03:00+01:00",
            "0 3 * * *      | Europe/Berlin    | 2026-07-10T12:00:00Z | 2026-07-11T03:00+02:00",
            "0 3 * * *      | America/New_York | 2026-01-10T12:00:00Z | 2026-01-11T03:00-05:00",
            "0 3 * * *      | Asia/Kathmandu   | 2026-01-10T12:00:00Z | 2026-01-11T03:00+05:45",
            // summer time starts and ends: still 03:00 local, so 23 and 25 hours apart
            "0 3 * * *      | Europe/Berlin    | 2026-03-27T12:00:00Z | 2026-03-28T03:00+01:00;2026-03-29T03:00+02:00;2026-03-30T03:00+02:00",
            "0 3 * * *      | Europe/Berlin    | 2026-10-24T12:00:00Z | 2026-10-25T03:00+01:00;2026-10-26T03:00+01:00",
            "0 3 * * *      | America/New_York | 2026-03-07T12:00:00Z | 2026-03-08T03:00-04:00;2026-03-09T03:00-04:00",
            // days of the week, Sunday as 0 or 7 (2026-01-01 is a Thursday)
            "0 4 * * 0      | UTC              | 2026-01-01T00:00:00Z | 2026-01-04T04:00Z;2026-01-11T04:00Z",
            "0 4 * * 7      | UTC              | 2026-01-01T00:00:00Z | 2026-01-04T04:00Z;2026-01-11T04:00Z",
            "0 4 * * SUN    | UTC              | 2026-01-01T00:00:00Z | 2026-01-04T04:00Z;2026-01-11T04:00Z",
            "0 4 * * 1-5    | UTC              | 2026-01-02T05:00:00Z | 2026-01-05T04:00Z;2026-01-06T04:00Z",
            "0 4 * * MON-FRI | UTC             | 2026-01-02T05:00:00Z | 2026-01-05T04:00Z;2026-01-06T04:00Z",
            "0 4 * * 5-7    | UTC              | 2026-01-01T00:00:00Z | 2026-01-02T04:00Z;2026-01-03T04:00Z;2026-01-04T04:00Z;2026-01-09T04:00Z",
            "0 4 * * 0-7    | UTC              | 2026-01-01T00:00:00Z | 2026-01-01T04:00Z;2026-01-02T04:00Z;2026-01-03T04:00Z",
            "0 4 * * 0-6    | UTC              | 2026-01-01T00:00:00Z | 2026-01-01T04:00Z;2026-01-02T04:00Z;2026-01-03T04:00Z",
            "0 4 * * 6,0    | UTC              | 2026-01-01T00:00:00Z | 2026-01-03T04:00Z;2026-01-04T04:00Z;2026-01-10T04:00Z",
            "0 4 * * */2    | UTC              | 2026-01-01T00:00:00Z | 2026-01-01T04:00Z;2026-01-03T04:00Z;2026-01-04T04:00Z;2026-01-06T04:00Z",
            "0 4 * * 1-5/2  | UTC              | 2026-01-01T00:00:00Z | 2026-01-02T04:00Z;2026-01-05T04:00Z;2026-01-07T04:00Z",
            // Quartz's extras keep their meaning: the first Friday, the last Friday of the month
            "0 4 * * 5#1    | UTC              | 2026-01-01T00:00:00Z | 2026-01-02T04:00Z;2026-02-06T04:00Z",
            "0 4 * * 5#3    | UTC              | 2026-01-01T00:00:00Z | 2026-01-16T04:00Z;2026-02-20T04:00Z",
            "0 4 * * 5L     | UTC              | 2026-01-01T00:00:00Z | 2026-01-30T04:00Z;2026-02-27T04:00Z",
            // minutes, days of the month, months
            "*/15 * * * *   | UTC              | 2026-01-01T00:07:00Z | 2026-01-01T00:15Z;2026-01-01T00:30Z",
            "0 3 1 * *      | UTC              | 2026-01-01T12:00:00Z | 2026-02-01T03:00Z;2026-03-01T03:00Z",
            "0 3 29 2 *     | UTC              | 2026-01-01T00:00:00Z | 2028-02-29T03:00Z",
            "5 4 * 6 *      | UTC              | 2026-01-01T00:00:00Z | 2026-06-01T04:05Z;2026-06-02T04:05Z",
    })
    void firesAtTheNextMatchingTimesInThePolicysZone(String cron, String zone, Instant after, String fires) {
        List<OffsetDateTime> expected = Arrays.stream(fires.split(";")).map(OffsetDateTime::parse).toList();

        assertThat(fireTimes(cron, zone, after, expected.size()))
                .containsExactlyElementsOf(expected.stream().map(OffsetDateTime::toInstant).toList());
    }

    @Test
    void aTimeThatHappensTwiceWhenSummerTimeEndsFiresOnce() {
        // 02:30 in Berlin happens twice on 2026-10-25; one snapshot a day, not two
        List<Instant> fires = fireTimes("30 2 * * *", "Europe/Berlin", Instant.parse("2026-10-24T12:00:00Z"), 3);

        assertThat(fires).extracting(fire -> fire.atZone(ZoneId.of("Europe/Berlin")).toLocalDateTime().toString())
                .containsExactly("2026-10-25T02:30", "2026-10-26T02:30", "2026-10-27T02:30");
    }

    @Test
    void nothingIsDueForAnExpressionThatCannotRunOrAZoneThatDoesNotExist() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(CronSchedule.next("0 3 30 2 *", "UTC", now)).isEmpty();
        assertThat(CronSchedule.next("0 3 * * *", "Mars/Olympus_Mons", now)).isEmpty();
        assertThat(CronSchedule.next("0 3 * *", "UTC", now)).isEmpty();
    }

    private static List<Instant> fireTimes(String cron, String zone, Instant after, int count) {
        List<Instant> fires = new ArrayList<>();
        Instant at = after;
        for (int i = 0; i < count; i++) {
            at = CronSchedule.next(cron, zone, at).orElseThrow();
            fires.add(at);
        }
        return fires;
    }
}

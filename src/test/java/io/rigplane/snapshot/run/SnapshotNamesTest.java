package io.rigplane.snapshot.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigplane.system.InvalidRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Snapshot names fit Proxmox's 40 characters, and read back to the label and time they were made from. */
class SnapshotNamesTest {

    private static final String LONGEST_LABEL = "abcdefghij-klmnopqrs_9";

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "daily,          2026-11-26T03:00:00Z, auto-daily-202611260300",
            "daily,          2026-11-26T03:00:59.999Z, auto-daily-202611260300",
            "weekly,         2026-01-04T04:00:00Z, auto-weekly-202601040400",
            "0,              1999-12-31T23:59:00Z, auto-0-199912312359",
            LONGEST_LABEL + ", 2026-11-26T03:00:00Z, auto-abcdefghij-klmnopqrs_9-202611260300",
    })
    void aScheduledSnapshotIsNamedAfterItsLabelAndUtcMinute(String label, Instant at, String name) {
        assertThat(SnapshotNames.scheduled(label, at)).isEqualTo(name);
        assertThat(SnapshotNames.PROXMOX_NAME.matcher(name).matches()).isTrue();
    }

    @Test
    void theTimeInTheNameIsUtcWhateverThePolicysZone() {
        Instant berlinThree = ZonedDateTime.of(2026, 7, 1, 3, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant();

        assertThat(SnapshotNames.scheduled("daily", berlinThree)).isEqualTo("auto-daily-202607010100");
    }

    @Test
    void theLongestLabelGivesExactlyFortyCharacters() {
        assertThat(LONGEST_LABEL).hasSize(SnapshotNames.MAX_LABEL);
        String name = SnapshotNames.scheduled(LONGEST_LABEL, Instant.parse("2026-11-26T03:00:00Z"));

        assertThat(name).hasSize(40);
        assertThat(SnapshotNames.PROXMOX_NAME.matcher(name).matches()).isTrue();
        assertThat(SnapshotNames.PROXMOX_NAME.matcher(name + "x").matches()).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' is a label: {1}")
    @CsvSource({
            "daily,                    true",
            "Weekly_2,                 true",
            "a,                        true",
            "7,                        true",
            "2026-q1,                  true",
            LONGEST_LABEL + ",         true",
            LONGEST_LABEL + "x,        false",
            "'',                       false",
            "-daily,                   false",
            "_daily,                   false",
            "daily backup,             false",
            "daily.backup,             false",
            "täglich,                  false",
            "daily/2,                  false",
    })
    void labelsKeepTheNameInsideProxmoxsRule(String label, boolean valid) {
        assertThat(SnapshotNames.LABEL.matcher(label).matches()).isEqualTo(valid);
        if (valid) {
            String name = SnapshotNames.scheduled(label, Instant.parse("2026-11-26T03:00:00Z"));
            assertThat(SnapshotNames.PROXMOX_NAME.matcher(name).matches()).as(name).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"daily", "a", "daily-2", "2-daily", "x-202611260300", LONGEST_LABEL})
    void aScheduledNameReadsBackToItsLabelAndStamp(String label) {
        String name = SnapshotNames.scheduled(label, Instant.parse("2026-11-26T03:00:00Z"));

        assertThat(SnapshotNames.labelOf(name)).contains(label);
        assertThat(SnapshotNames.stampOf(label, name)).contains("202611260300");
    }

    @ParameterizedTest(name = "{1} is not one of {0}")
    @CsvSource({
            "daily,   auto-daily-2-202611260300",
            "daily-2, auto-daily-202611260300",
            "daily,   auto-weekly-202611260300",
            "daily,   auto-Daily-202611260300",
            "daily,   auto-daily-20261126030",
            "daily,   auto-daily-2026112603000",
            "daily,   manual-20261126030000",
            "daily,   auto-daily-202611260300x",
    })
    void aNameIsOnlyEverOneLabels(String label, String name) {
        assertThat(SnapshotNames.stampOf(label, name)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"manual-20261126030000", "before-update", "auto-", "auto-daily", "auto--202611260300",
            "auto-daily-20261126030", "current"})
    void otherNamesHaveNoLabel(String name) {
        assertThat(SnapshotNames.labelOf(name)).isEmpty();
    }

    @Test
    void aManualSnapshotIsNamedAfterItsUtcSecond() {
        String name = SnapshotNames.manual(Instant.parse("2026-11-26T03:04:05.678Z"));

        assertThat(name).isEqualTo("manual-20261126030405");
        ManualNames.check(name);
        assertThat(SnapshotNames.labelOf(name)).isEmpty();
    }

    @Test
    void theDescriptionMarksTheSnapshotAsRigplanes() {
        assertThat(SnapshotNames.description("policy daily")).isEqualTo("Taken by Rigplane: policy daily")
                .startsWith(SnapshotNames.MARK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"before-update", "ab", "B4_driver-update", "abcdefghijklmnopqrstuvwxyz-0123456789_AB"})
    void aUserMayNameASnapshotByProxmoxsRule(String name) {
        ManualNames.check(name);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({
            "a,                                          Proxmox's rule",
            "abcdefghijklmnopqrstuvwxyz-0123456789_ABC,  Proxmox's rule",
            "1st-try,                                    Proxmox's rule",
            "_update,                                    Proxmox's rule",
            "before update,                              Proxmox's rule",
            "before.update,                              Proxmox's rule",
            "'',                                         Proxmox's rule",
            "current,                                    reserved by Proxmox",
            "pending,                                    reserved by Proxmox",
            "auto-daily-202611260300,                    belong to scheduled snapshots",
            "auto-mine,                                  belong to scheduled snapshots",
    })
    void refusesNamesProxmoxOrRetentionWouldGetWrong(String name, String problem) {
        assertThatThrownBy(() -> ManualNames.check(name)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("name");
                    assertThat(error.message()).contains(problem);
                }));
    }
}

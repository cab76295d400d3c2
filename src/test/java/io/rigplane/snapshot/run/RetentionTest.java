package io.rigplane.snapshot.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.proxmox.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retention deletes only the oldest complete snapshots of its own label, so that {@code keep} remain. */
class RetentionTest {

    private static final List<String> DAILIES = List.of("auto-daily-202611200300", "auto-daily-202611210300",
            "auto-daily-202611220300", "auto-daily-202611230300", "auto-daily-202611240300");
    private static final String NEWEST = "auto-daily-202611240300";

    @ParameterizedTest(name = "keep {0} of 5")
    @CsvSource(delimiter = '|', value = {
            "1 | auto-daily-202611200300;auto-daily-202611210300;auto-daily-202611220300;auto-daily-202611230300",
            "3 | auto-daily-202611200300;auto-daily-202611210300",
            "4 | auto-daily-202611200300",
            "5 | ''",
            "7 | ''",
    })
    void prunesTheOldestOfItsLabelUntilKeepRemain(int keep, String pruned) {
        List<String> expected = pruned.isEmpty() ? List.of() : List.of(pruned.split(";"));

        assertThat(Retention.toPrune(snapshots(DAILIES), "daily", keep, NEWEST))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void ordersByTheTimeInTheNameNotByTheListsOrder() {
        List<String> shuffled = new ArrayList<>(DAILIES);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(Retention.toPrune(snapshots(shuffled), "daily", 2, NEWEST))
                .containsExactly("auto-daily-202611200300", "auto-daily-202611210300", "auto-daily-202611220300");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "auto-weekly-202601010400",
            "auto-daily-2-202601010300",
            "auto-dailyx-202601010300",
            "auto-Daily-202601010300",
            "auto-daily-20260101030",
            "auto-daily-2026010103000",
            "auto-daily-202601010300-copy",
            "xauto-daily-202601010300",
            "auto-daily-",
            "daily-202601010300",
            "manual-20260101030000",
            "before-update",
            "current",
    })
    void neverChoosesASnapshotThatIsNotExactlyOneOfItsLabel(String other) {
        List<Snapshot> snapshots = snapshots(DAILIES);
        snapshots.add(0, snapshot(other, null));

        List<String> pruned = Retention.toPrune(snapshots, "daily", 1, NEWEST);

        assertThat(pruned).doesNotContain(other).hasSize(4);
    }

    @Test
    void otherLabelsAndManualSnapshotsDoNotCountTowardsKeep() {
        List<Snapshot> snapshots = snapshots(List.of("manual-20260101000000", "auto-weekly-202601010400",
                "auto-weekly-202601080400", "auto-daily-202601090300", "before-update", "auto-daily-202601100300"));
        snapshots.add(snapshot("current", null));

        assertThat(Retention.toPrune(snapshots, "daily", 2, "auto-daily-202601100300")).isEmpty();
        assertThat(Retention.toPrune(snapshots, "weekly", 1, "auto-weekly-202601080400"))
                .containsExactly("auto-weekly-202601010400");
    }

    @ParameterizedTest(name = "snapstate {0}")
    @ValueSource(strings = {"prepare", "delete"})
    void aSnapshotProxmoxIsStillWorkingOnIsNeitherCountedNorChosen(String snapstate) {
        List<Snapshot> snapshots = snapshots(DAILIES.subList(1, 5));
        snapshots.add(0, snapshot("auto-daily-202611200300", snapstate));

        assertThat(Retention.toPrune(snapshots, "daily", 3, NEWEST)).containsExactly("auto-daily-202611210300");
        assertThat(Retention.toPrune(snapshots, "daily", 4, NEWEST)).isEmpty();
    }

    @Test
    void neverPrunesTheSnapshotJustTaken() {
        // a clock set back: the snapshot just taken carries the oldest time
        String justTaken = "auto-daily-202611190300";
        List<Snapshot> snapshots = snapshots(DAILIES);
        snapshots.add(snapshot(justTaken, null));

        assertThat(Retention.toPrune(snapshots, "daily", 3, justTaken))
                .containsExactly("auto-daily-202611200300", "auto-daily-202611210300");
    }

    private static List<Snapshot> snapshots(List<String> names) {
        List<Snapshot> snapshots = new ArrayList<>();
        names.forEach(name -> snapshots.add(snapshot(name, null)));
        return snapshots;
    }

    private static Snapshot snapshot(String name, String snapstate) {
        Instant taken = name.equals("current") ? null : Instant.parse("2026-11-26T03:00:00Z");
        return new Snapshot(name, "Taken by Rigplane", taken, false, null, snapstate, Map.of());
    }
}

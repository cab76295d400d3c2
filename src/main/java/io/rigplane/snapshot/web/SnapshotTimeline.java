package io.rigplane.snapshot.web;

import io.rigplane.snapshot.run.SnapshotRun;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs over time as the page lists them: one row per mark, on one of three lanes (taken, pruned,
 * failed or skipped). The table is what a screen reader reads; the chart is drawn from it.
 */
record SnapshotTimeline(List<Mark> marks) {

    static final String TAKEN = "taken";
    static final String PRUNED = "pruned";
    static final String FAILED = "failed or skipped";
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A dot: when, on which lane, of which kind, named, and the reason or what was pruned. */
    record Mark(long at, String when, String lane, String kind, String name, String detail) {
    }

    static SnapshotTimeline of(List<SnapshotRun> runs) {
        List<Mark> marks = new ArrayList<>();
        for (SnapshotRun run : runs) {
            Instant at = run.scheduledFor() != null ? run.scheduledFor() : run.createdAt();
            long millis = at.toEpochMilli();
            String when = FULL.format(at);
            String reason = run.reason() == null ? "" : run.reason();
            switch (run.state()) {
                case "SUCCEEDED", "PARTIAL" -> marks.add(new Mark(millis, when, TAKEN, "taken", run.snapshotName(), ""));
                case "FAILED" -> marks.add(new Mark(millis, when, FAILED, "failed", run.snapshotName(), reason));
                case "SKIPPED" -> marks.add(new Mark(millis, when, FAILED, "skipped", run.snapshotName(), reason));
                default -> marks.add(new Mark(millis, when, TAKEN, "running", run.snapshotName(), run.state().toLowerCase()));
            }
            for (String pruned : run.pruned()) {
                marks.add(new Mark(millis, when, PRUNED, "pruned", pruned, "pruned by " + run.snapshotName()));
            }
            if (run.state().equals("PARTIAL")) {
                marks.add(new Mark(millis, when, FAILED, "failed", run.snapshotName(), "pruning incomplete: " + reason));
            }
        }
        marks.sort(java.util.Comparator.comparingLong(Mark::at));
        return new SnapshotTimeline(List.copyOf(marks));
    }
}

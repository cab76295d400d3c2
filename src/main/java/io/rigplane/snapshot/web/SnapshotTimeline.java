package io.rigplane.snapshot.web;

import io.rigplane.snapshot.run.SnapshotRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's chart of runs over time, laid out here so the page draws plain SVG: one lane
 * each for snapshots taken, pruned and failed (or skipped), with a tick per day or week.
 */
record SnapshotTimeline(int width, int height, List<Mark> marks, List<Tick> ticks, List<Lane> lanes) {

    static final int WIDTH = 760;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    record Mark(int x, int y, String kind, String color, String title) {
    }

    record Tick(int x, String label) {
    }

    record Lane(int y, String label) {
    }

    static SnapshotTimeline of(List<SnapshotRun> runs, Instant now) {
        List<Lane> lanes = List.of(new Lane(30, "taken"), new Lane(60, "pruned"), new Lane(90, "failed"));
        if (runs.isEmpty()) {
            return new SnapshotTimeline(WIDTH, 130, List.of(), List.of(), lanes);
        }
        Instant from = runs.stream().map(SnapshotTimeline::time).min(Instant::compareTo).orElse(now);
        Instant to = runs.stream().map(SnapshotTimeline::time).max(Instant::compareTo).orElse(now);
        if (Duration.between(from, to).compareTo(Duration.ofDays(1)) < 0) {
            from = to.minus(Duration.ofDays(1));
        }
        long span = Math.max(1, Duration.between(from, to).toSeconds());
        int plot = WIDTH - LEFT - RIGHT;
        List<Mark> marks = new ArrayList<>();
        for (SnapshotRun run : runs) {
            Instant at = time(run);
            int x = LEFT + (int) (plot * Duration.between(from, at).toSeconds() / span);
            String when = FULL.format(at);
            switch (run.state()) {
                case "SUCCEEDED", "PARTIAL" -> marks.add(new Mark(x, 30, "taken", "#3fb27f",
                        run.snapshotName() + " taken " + when));
                case "FAILED" -> marks.add(new Mark(x, 90, "failed", "#e5534b",
                        run.snapshotName() + " failed " + when + ": " + run.reason()));
                case "SKIPPED" -> marks.add(new Mark(x, 90, "skipped", "#8b949e",
                        run.snapshotName() + " skipped " + when + ": " + run.reason()));
                default -> marks.add(new Mark(x, 30, "running", "#58a6ff", run.snapshotName() + " " + run.state()));
            }
            if (!run.pruned().isEmpty()) {
                marks.add(new Mark(x, 60, "pruned", "#d29922", "pruned " + String.join(", ", run.pruned()) + " " + when));
            }
            if (run.state().equals("PARTIAL")) {
                marks.add(new Mark(x, 90, "failed", "#e5534b", "pruning incomplete " + when + ": " + run.reason()));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        int count = 6;
        for (int i = 0; i <= count; i++) {
            Instant at = from.plusSeconds(span * i / count);
            ticks.add(new Tick(LEFT + plot * i / count, DAY.format(at)));
        }
        return new SnapshotTimeline(WIDTH, 130, marks, ticks, lanes);
    }

    private static Instant time(SnapshotRun run) {
        return run.scheduledFor() != null ? run.scheduledFor() : run.createdAt();
    }
}

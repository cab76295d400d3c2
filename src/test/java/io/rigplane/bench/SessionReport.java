package io.rigplane.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The wake-and-stream figures of each case as Markdown tables. */
final class SessionReport {

    static final Duration READY_LAG_LIMIT = Duration.ofMillis(500);

    /** One measured case: a name and its sessions. */
    record Case(String name, List<SessionSample> samples) {

        List<SessionSample> ready() {
            return samples.stream().filter(SessionSample::ready).toList();
        }
    }

    private SessionReport() {
    }

    static String tables(List<Case> cases) {
        StringBuilder out = new StringBuilder();
        out.append("""
                | case | READY / asked | time to READY p50 / p95 | REQUESTED | WAKING_HOST | STARTING_VM \
                | WAITING_FOR_STREAM_HOST | intrinsic (simulator) | overhead p50 / p95 | stream host ready → READY \
                p50 / p95 / max |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                """);
        for (Case c : cases) {
            List<SessionSample> ready = c.ready();
            if (ready.isEmpty()) {
                out.append("| ").append(c.name()).append(" | 0 / ").append(c.samples().size())
                        .append(" | | | | | | | | |\n");
                continue;
            }
            out.append("| ").append(c.name()).append(" | ").append(ready.size()).append(" / ")
                    .append(c.samples().size()).append(" | ")
                    .append(seconds(p(ready, SessionSample::timeToReady, 50))).append(" / ")
                    .append(seconds(p(ready, SessionSample::timeToReady, 95)));
            for (String state : SessionSample.STATES) {
                out.append(" | ").append(seconds(p(ready, s -> s.inState(state), 50)));
            }
            out.append(" | ").append(intrinsics(ready))
                    .append(" | ").append(seconds(p(ready, SessionSample::overhead, 50))).append(" / ")
                    .append(seconds(p(ready, SessionSample::overhead, 95)))
                    .append(" | ").append(readyLag(ready)).append(" |\n");
        }
        out.append("""

                Time in each state is the p50 over the sessions that reached READY (0 when skipped). Overhead \
                = time to READY − intrinsic, per session.

                Where the overhead goes (each part's p50 / p95 in ms; per session the parts add up to its \
                overhead):

                """);
        out.append("| part |");
        cases.forEach(c -> out.append(' ').append(c.name()).append(" |"));
        out.append("\n| --- |");
        cases.forEach(c -> out.append(" --- |"));
        out.append('\n');
        Set<String> parts = new LinkedHashSet<>();
        cases.forEach(c -> c.ready().forEach(s -> parts.addAll(s.overheadParts().keySet())));
        for (String part : parts) {
            out.append("| ").append(part).append(" |");
            for (Case c : cases) {
                List<SessionSample> having = c.ready().stream().filter(s -> s.overheadParts().containsKey(part))
                        .toList();
                out.append(' ').append(having.isEmpty() ? "–"
                        : millis(p(having, s -> s.overheadParts().get(part), 50)) + " / "
                        + millis(p(having, s -> s.overheadParts().get(part), 95))).append(" |");
            }
            out.append('\n');
        }
        List<String> failures = new ArrayList<>();
        cases.forEach(c -> c.samples().stream().filter(s -> !s.ready()).forEach(s -> failures.add(
                c.name() + ": " + s.profile() + " " + s.state() + " (" + s.reason() + ")")));
        if (!failures.isEmpty()) {
            out.append("\nSessions that did not reach READY:\n\n");
            failures.forEach(f -> out.append("- ").append(f).append('\n'));
        }
        return out.toString();
    }

    /** READY after the stream host listened, with the verdict against the 0.5 s promise of issue 7. */
    private static String readyLag(List<SessionSample> ready) {
        List<SessionSample> seen = ready.stream().filter(s -> s.readyAfterStreamHost().isPresent()).toList();
        if (seen.isEmpty()) {
            return "not seen";
        }
        Function<SessionSample, Duration> lag = s -> s.readyAfterStreamHost().orElseThrow();
        Duration max = p(seen, lag, 100);
        return millis(p(seen, lag, 50)) + " / " + millis(p(seen, lag, 95)) + " / " + millis(max) + " ms"
                + (max.compareTo(READY_LAG_LIMIT) <= 0 ? " (≤ 0.5 s)" : " (**over 0.5 s**)");
    }

    private static String intrinsics(List<SessionSample> ready) {
        return ready.stream().map(SessionSample::intrinsic).distinct().sorted()
                .map(SessionReport::seconds).reduce((a, b) -> a + " or " + b).orElse("");
    }

    /** Nearest-rank percentile. */
    static Duration p(List<SessionSample> samples, Function<SessionSample, Duration> figure, int percentile) {
        List<Duration> sorted = samples.stream().map(figure).sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }

    static String millis(Duration d) {
        return String.valueOf(d.toMillis());
    }
}

package io.rigplane.snapshot.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Counts every ended run by outcome and trigger, its failures, what it pruned and how long it took. */
@Component
class RunMetrics {

    private final MeterRegistry meters;

    RunMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void ended(SnapshotRun run, String state, int pruned, @Nullable Duration took) {
        String trigger = run.trigger().toLowerCase(Locale.ROOT);
        meters.counter("rigplane.snapshot.runs", "outcome", state.toLowerCase(Locale.ROOT), "trigger", trigger)
                .increment();
        if (state.equals("FAILED")) {
            meters.counter("rigplane.snapshot.failures", "trigger", trigger).increment();
        }
        meters.counter("rigplane.snapshot.pruned").increment(pruned);
        if (took != null) {
            Timer.builder("rigplane.snapshot.run.duration").tag("trigger", trigger).register(meters).record(took);
        }
    }
}

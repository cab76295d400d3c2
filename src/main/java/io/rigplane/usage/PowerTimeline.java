package io.rigplane.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The runs of one VM and the stretches idle stop saved, laid out from its power events (docs/usage.md
 * says why each rule is so):
 * <ul>
 * <li>a run starts at the first start after a stop; a start while running changes nothing;</li>
 * <li>a run ends at the next recorded stop; a run still open at the end lasts until now when Proxmox
 * says the VM runs (or cannot be asked), and until its last sign of life when Proxmox says it is
 * stopped (it was stopped outside Rigplane, at a time nobody recorded);</li>
 * <li>an idle stop saves the time from the stop until the next start, or until now.</li>
 * </ul>
 */
record PowerTimeline(List<Span> runs, List<Span> saved) {

    static PowerTimeline of(List<PowerEvent> events, List<Instant> signsOfLife, @Nullable Boolean runningNow,
            Instant now) {
        List<PowerEvent> ordered = events.stream().filter(e -> !e.at().isAfter(now))
                .sorted(Comparator.comparing(PowerEvent::at)).toList();
        List<Span> runs = new ArrayList<>();
        List<Span> saved = new ArrayList<>();
        Instant onSince = null;
        Instant savedSince = null;
        for (PowerEvent event : ordered) {
            switch (event.kind()) {
                case ON -> {
                    if (savedSince != null) {
                        saved.add(new Span(savedSince, event.at()));
                        savedSince = null;
                    }
                    if (onSince == null) {
                        onSince = event.at();
                    }
                }
                case OFF, IDLE_OFF -> {
                    if (onSince != null) {
                        runs.add(new Span(onSince, event.at()));
                        onSince = null;
                    }
                    if (event.kind() == PowerEvent.Kind.IDLE_OFF && savedSince == null) {
                        savedSince = event.at();
                    }
                }
            }
        }
        if (onSince != null) {
            runs.add(new Span(onSince, Boolean.FALSE.equals(runningNow) ? lastSign(onSince, signsOfLife, now) : now));
        }
        if (savedSince != null) {
            saved.add(new Span(savedSince, now));
        }
        return new PowerTimeline(List.copyOf(runs), List.copyOf(saved));
    }

    private static Instant lastSign(Instant onSince, List<Instant> signs, Instant now) {
        Instant last = onSince;
        for (Instant sign : signs) {
            if (sign.isAfter(last) && !sign.isAfter(now)) {
                last = sign;
            }
        }
        return last;
    }
}

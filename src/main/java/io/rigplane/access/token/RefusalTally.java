package io.rigplane.access.token;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Audits refused device requests without one row per request: a device's first refusal is
 * recorded at once, the ones after it within the window are counted here, and one row at the
 * window's end says how many there were, when, and the last one. A broken or stolen thin client
 * hammering the API so leaves at most two rows a window per replica, not thousands.
 */
@Component
public class RefusalTally {

    private final AuditTrail audit;
    private final Clock clock;
    private final Duration window;
    private final Map<String, Tally> open = new ConcurrentHashMap<>();

    public RefusalTally(AuditTrail audit, Clock clock,
            @Value("${rigplane.audit.device-refusal-window:1m}") Duration window) {
        this.audit = audit;
        this.clock = clock;
        this.window = window;
    }

    private static final class Tally {
        final Instant start;
        int more;
        Instant last;
        String lastRequest;
        String lastSource;

        Tally(Instant start) {
            this.start = start;
            this.last = start;
        }
    }

    /** One refused request of the device; audited now when it is the first of its window. */
    public void refused(String device, String request, String source) {
        Instant now = clock.instant();
        boolean[] first = {false};
        open.compute(device, (name, tally) -> {
            if (tally == null) {
                first[0] = true;
                return new Tally(now);
            }
            tally.more++;
            tally.last = now;
            tally.lastRequest = request;
            tally.lastSource = source;
            return tally;
        });
        if (first[0]) {
            audit.record("device.refused", target(device), AuditOutcome.REFUSED, request);
        }
        flushEnded(now);
    }

    /** Writes the count of every window that has ended; runs now and then, so a quiet device's count is not kept back. */
    @Scheduled(fixedDelayString = "${rigplane.audit.device-refusal-flush:10s}")
    public void flushEnded() {
        flushEnded(clock.instant());
    }

    /** Writes every open count now, whether its window ended or not; at shutdown, so no count is lost. */
    @PreDestroy
    public void flushAll() {
        open.keySet().forEach(device -> close(device, clock.instant().plus(window)));
    }

    private void flushEnded(Instant now) {
        for (Map.Entry<String, Tally> entry : open.entrySet()) {
            if (!now.isBefore(entry.getValue().start.plus(window))) {
                close(entry.getKey(), now);
            }
        }
    }

    private void close(String device, Instant now) {
        Tally[] closed = {null};
        open.computeIfPresent(device, (name, tally) -> {
            if (now.isBefore(tally.start.plus(window))) {
                return tally;
            }
            closed[0] = tally;
            return null;
        });
        Tally tally = closed[0];
        if (tally != null && tally.more > 0) {
            audit.record(new Actor(Actor.Type.DEVICE, device), "device.refused", target(device), AuditOutcome.REFUSED,
                    tally.more + " more refused request(s) from " + tally.start + " to " + tally.last + "; last: "
                            + tally.lastRequest + " from " + tally.lastSource);
        }
    }

    private static String target(String device) {
        return "device:" + device;
    }
}

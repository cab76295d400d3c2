package io.rigplane.session.wol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * One wake per MAC per interval, because Moonlight sends each "Wake PC" to many addresses and
 * ports at once; and a bounded number of wakes per source address per window, so that one
 * machine on the LAN cannot cycle through every VM. Kept in memory: each replica limits what it
 * receives, and the session core joins a live session of the same profile anyway.
 */
final class WakeOnLanLimiter {

    enum Verdict { ALLOWED, MAC_TOO_SOON, SOURCE_OVER_LIMIT }

    private final Clock clock;
    private final Duration macInterval;
    private final int sourceMaxWakes;
    private final Duration sourceWindow;
    private final Map<String, Instant> lastWakeByMac = new HashMap<>();
    private final Map<String, Deque<Instant>> wakesBySource = new HashMap<>();

    WakeOnLanLimiter(Clock clock, Duration macInterval, int sourceMaxWakes, Duration sourceWindow) {
        this.clock = clock;
        this.macInterval = macInterval;
        this.sourceMaxWakes = sourceMaxWakes;
        this.sourceWindow = sourceWindow;
    }

    /** Decides, and counts an allowed wake against both limits. */
    synchronized Verdict admit(String mac, String source) {
        Instant now = clock.instant();
        forgetOlderThan(now);
        Instant last = lastWakeByMac.get(mac);
        if (last != null && now.isBefore(last.plus(macInterval))) {
            return Verdict.MAC_TOO_SOON;
        }
        Deque<Instant> recent = wakesBySource.computeIfAbsent(source, key -> new ArrayDeque<>());
        if (recent.size() >= sourceMaxWakes) {
            return Verdict.SOURCE_OVER_LIMIT;
        }
        recent.addLast(now);
        lastWakeByMac.put(mac, now);
        return Verdict.ALLOWED;
    }

    /** Keeps memory bounded by the traffic of the last interval, whatever a flood sends. */
    private void forgetOlderThan(Instant now) {
        lastWakeByMac.values().removeIf(at -> !now.isBefore(at.plus(macInterval)));
        wakesBySource.values().forEach(times -> {
            while (!times.isEmpty() && !now.isBefore(times.peekFirst().plus(sourceWindow))) {
                times.removeFirst();
            }
        });
        wakesBySource.values().removeIf(Deque::isEmpty);
    }
}

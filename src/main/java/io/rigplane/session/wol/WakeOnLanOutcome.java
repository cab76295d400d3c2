package io.rigplane.session.wol;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What became of a datagram that reached the listener, counted as {@code rigplane.wol.packets{outcome=…}}.
 * What the kernel dropped before (its socket buffer full under a flood) is not seen, so not counted:
 * the host's UDP receive-buffer errors ({@code netstat -su}) tell that part.
 */
enum WakeOnLanOutcome {
    /** A session was opened (or joined) for the matching profile. */
    ACCEPTED,
    /** Not a magic packet. */
    MALFORMED,
    /** From an address outside the allowed networks. */
    NETWORK_REFUSED,
    /** No profile's VM has this MAC. */
    FOREIGN,
    /** The same MAC woke its profile less than the interval ago: the rest of a burst. */
    MAC_TOO_SOON,
    /** The source has used up its wakes for the window. */
    SOURCE_OVER_LIMIT,
    /** The session core refused (GPU busy, profile refused, …) or failed. */
    SESSION_REFUSED,
    /** More packets than the worker keeps up with; dropped before any lookup. */
    OVERLOADED;

    String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One counter per outcome, registered up front so that a zero shows as zero. */
    static Map<WakeOnLanOutcome, Counter> counters(MeterRegistry registry) {
        Map<WakeOnLanOutcome, Counter> counters = new EnumMap<>(WakeOnLanOutcome.class);
        for (WakeOnLanOutcome outcome : values()) {
            counters.put(outcome, Counter.builder("rigplane.wol.packets")
                    .description("Datagrams that reached the Wake-on-LAN listener, by what became of them; "
                            + "datagrams the kernel dropped (a full socket buffer under a flood) never reach it "
                            + "and are not counted here")
                    .tag("outcome", outcome.tag()).register(registry));
        }
        return counters;
    }
}

package io.rigplane.usage;

import java.time.Duration;
import java.time.Instant;

/** A stretch of time [from, to). */
record Span(Instant from, Instant to) {

    /** How much of this span lies in [start, end). */
    Duration overlap(Instant start, Instant end) {
        Instant a = from.isAfter(start) ? from : start;
        Instant b = to.isBefore(end) ? to : end;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }
}

package io.rigplane.overview;

import java.time.Duration;
import java.time.Instant;

/** A moment as people read it on a dashboard: "3 min ago", "in 2 h". */
final class Ago {

    private Ago() {
    }

    static String between(Instant moment, Instant now) {
        Duration apart = Duration.between(moment, now);
        boolean future = apart.isNegative();
        String span = span(apart.abs());
        if (span.equals("now")) {
            return future ? "in a moment" : "just now";
        }
        return future ? "in " + span : span + " ago";
    }

    private static String span(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 45) {
            return "now";
        }
        if (seconds < 90 * 60) {
            return Math.max(1, Math.round(seconds / 60.0)) + " min";
        }
        if (seconds < 36 * 3600) {
            return Math.round(seconds / 3600.0) + " h";
        }
        return Math.round(seconds / 86400.0) + " d";
    }
}

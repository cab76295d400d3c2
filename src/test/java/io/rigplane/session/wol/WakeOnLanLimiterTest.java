package io.rigplane.session.wol;

import static io.rigplane.session.wol.WakeOnLanLimiter.Verdict.ALLOWED;
import static io.rigplane.session.wol.WakeOnLanLimiter.Verdict.MAC_TOO_SOON;
import static io.rigplane.session.wol.WakeOnLanLimiter.Verdict.SOURCE_OVER_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WakeOnLanLimiterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T20:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final WakeOnLanLimiter limiter = new WakeOnLanLimiter(clock, Duration.ofSeconds(30), 3,
            Duration.ofMinutes(1));

    private void advance(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    void aBurstForOneMacWakesOnceThenAgainAfterTheInterval() {
        assertThat(limiter.admit("AA", "192.168.1.5")).isEqualTo(ALLOWED);
        assertThat(limiter.admit("AA", "192.168.1.5")).isEqualTo(MAC_TOO_SOON);
        assertThat(limiter.admit("AA", "192.168.1.6")).isEqualTo(MAC_TOO_SOON);
        advance(Duration.ofSeconds(29));
        assertThat(limiter.admit("AA", "192.168.1.5")).isEqualTo(MAC_TOO_SOON);
        advance(Duration.ofSeconds(1));
        assertThat(limiter.admit("AA", "192.168.1.5")).isEqualTo(ALLOWED);
    }

    @Test
    void oneSourceWakesABoundedNumberOfMacsPerWindow() {
        assertThat(limiter.admit("AA", "192.168.1.5")).isEqualTo(ALLOWED);
        assertThat(limiter.admit("BB", "192.168.1.5")).isEqualTo(ALLOWED);
        assertThat(limiter.admit("CC", "192.168.1.5")).isEqualTo(ALLOWED);
        assertThat(limiter.admit("DD", "192.168.1.5")).isEqualTo(SOURCE_OVER_LIMIT);
        assertThat(limiter.admit("DD", "192.168.1.9")).isEqualTo(ALLOWED);
        advance(Duration.ofMinutes(1));
        assertThat(limiter.admit("EE", "192.168.1.5")).isEqualTo(ALLOWED);
    }
}

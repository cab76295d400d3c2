package io.rigplane.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How runs without a recorded end are counted, and what idle stop saves. */
class PowerTimelineTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aRunStoppedOutsideRigplaneEndsAtItsLastSignOfLifeNotNow() {
        PowerTimeline timeline = PowerTimeline.of(List.of(on("2026-11-29T10:00:00Z")),
                List.of(Instant.parse("2026-11-29T13:00:00Z")), false, NOW);
        assertThat(timeline.runs()).containsExactly(span("2026-11-29T10:00:00Z", "2026-11-29T13:00:00Z"));
    }

    @Test
    void aRunningVmOrOneProxmoxCouldNotTellAboutRunsUntilNow() {
        assertThat(PowerTimeline.of(List.of(on("2026-11-30T10:00:00Z")), List.of(), true, NOW).runs())
                .containsExactly(span("2026-11-30T10:00:00Z", "2026-11-30T12:00:00Z"));
        assertThat(PowerTimeline.of(List.of(on("2026-11-30T10:00:00Z")), List.of(), null, NOW).runs())
                .containsExactly(span("2026-11-30T10:00:00Z", "2026-11-30T12:00:00Z"));
    }

    @Test
    void idleStopSavesUntilTheNextStartAndAnOrdinaryStopSavesNothing() {
        PowerTimeline timeline = PowerTimeline.of(List.of(on("2026-11-29T10:00:00Z"), idleOff("2026-11-29T11:00:00Z"),
                on("2026-11-29T15:00:00Z"), new PowerEvent(Instant.parse("2026-11-29T16:00:00Z"), PowerEvent.Kind.OFF)),
                List.of(), false, NOW);
        assertThat(timeline.runs()).containsExactly(span("2026-11-29T10:00:00Z", "2026-11-29T11:00:00Z"),
                span("2026-11-29T15:00:00Z", "2026-11-29T16:00:00Z"));
        assertThat(timeline.saved()).containsExactly(span("2026-11-29T11:00:00Z", "2026-11-29T15:00:00Z"));
    }

    @Test
    void anIdleStopNotFollowedByAStartSavesUntilNow() {
        PowerTimeline timeline = PowerTimeline.of(List.of(on("2026-11-30T08:00:00Z"), idleOff("2026-11-30T09:00:00Z")),
                List.of(), false, NOW);
        assertThat(timeline.saved()).containsExactly(span("2026-11-30T09:00:00Z", "2026-11-30T12:00:00Z"));
    }

    private static PowerEvent on(String at) {
        return new PowerEvent(Instant.parse(at), PowerEvent.Kind.ON);
    }

    private static PowerEvent idleOff(String at) {
        return new PowerEvent(Instant.parse(at), PowerEvent.Kind.IDLE_OFF);
    }

    private static Span span(String from, String to) {
        return new Span(Instant.parse(from), Instant.parse(to));
    }
}

package io.rigplane.usage;

import io.rigplane.operation.FinishedOperation;
import io.rigplane.operation.Operations;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileList;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.VmStatus;
import io.rigplane.session.StreamHistory;
import io.rigplane.session.StreamHistory.ServedSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Powered-on, streamed and idle-stop-saved hours per profile and UTC day, from the power operations
 * that succeeded, the sessions that were READY and, for the current run, Proxmox's uptime.
 */
@Service
@EnableConfigurationProperties(UsageProperties.class)
public class UsageFigures {

    /** How far before the range power operations are read, to know whether a VM was on when it began. */
    static final Duration LOOKBACK = Duration.ofDays(31);

    // operation kinds and the idle-stop actor as the power and session modules store them
    private static final Set<String> STARTS = Set.of("power-start", "power-reboot");
    private static final Set<String> STOPS = Set.of("power-stop", "power-shutdown");
    private static final String ROLLBACK = "snapshot-rollback";
    private static final String IDLE_STOP_ACTOR = "session idle stop";

    private final Operations operations;
    private final StreamHistory sessions;
    private final ProfileCatalog catalog;
    private final ProfileVms vms;
    private final UsageProperties properties;
    private final Clock clock;

    UsageFigures(Operations operations, StreamHistory sessions, ProfileCatalog catalog, ProfileVms vms,
            UsageProperties properties, Clock clock) {
        this.operations = operations;
        this.sessions = sessions;
        this.catalog = catalog;
        this.vms = vms;
        this.properties = properties;
        this.clock = clock;
    }

    /** The range's usage of one profile (404 when there is none of that name) or of every profile. */
    public UsageReport report(UsageRange range, @Nullable String profile) {
        Instant now = clock.instant();
        List<ProfileView> profiles = profile == null ? allProfiles() : List.of(catalog.get(profile));
        Instant readFrom = range.start().minus(LOOKBACK);
        Instant readTo = now.isAfter(readFrom) ? now : readFrom;
        Map<String, List<PowerEvent>> events = powerEvents(operations.succeeded(kinds(), readFrom, readTo));
        Map<String, List<ServedSession>> served = sessions.servedBetween(readFrom, readTo).stream()
                .collect(Collectors.groupingBy(ServedSession::profile));
        List<ProfileUsage> usage = new ArrayList<>();
        for (ProfileView view : profiles) {
            String name = view.spec().name();
            usage.add(profileUsage(view, range, events.getOrDefault(name, List.of()),
                    served.getOrDefault(name, List.of()), now));
        }
        return new UsageReport(range.from(), range.to(), "UTC", now, List.copyOf(usage), totals(usage));
    }

    private ProfileUsage profileUsage(ProfileView view, UsageRange range, List<PowerEvent> recorded,
            List<ServedSession> served, Instant now) {
        String name = view.spec().name();
        List<PowerEvent> events = new ArrayList<>(recorded);
        CurrentRun current = currentRun(name, now);
        if (current.since() != null) {
            events.add(new PowerEvent(current.since(), PowerEvent.Kind.ON));
        }
        List<Instant> signs = new ArrayList<>();
        List<Span> streamed = new ArrayList<>();
        for (ServedSession session : served) {
            Instant end = session.endedAt() == null ? now : session.endedAt();
            signs.add(end);
            if (session.activeAt() != null) {
                Instant last = session.lastActivityAt() == null || session.lastActivityAt().isBefore(session.activeAt())
                        ? session.activeAt() : session.lastActivityAt();
                streamed.add(new Span(session.activeAt(), last.isBefore(end) ? last : end));
            }
        }
        PowerTimeline timeline = PowerTimeline.of(events, signs, current.running(), now);
        Double watts = properties.wattsOf(view.spec().node());
        List<DayUsage> days = new ArrayList<>();
        for (LocalDate day : range.days()) {
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = start.plus(Duration.ofDays(1));
            double on = hours(timeline.runs(), start, end);
            double saved = hours(timeline.saved(), start, end);
            days.add(new DayUsage(day, round(on), round(hours(streamed, start, end)), round(saved),
                    kWh(on, watts), kWh(saved, watts)));
        }
        double on = days.stream().mapToDouble(DayUsage::poweredOnHours).sum();
        double saved = days.stream().mapToDouble(DayUsage::idleStopSavedHours).sum();
        return new ProfileUsage(name, view.spec().node(), watts, round(on),
                round(days.stream().mapToDouble(DayUsage::streamedHours).sum()), round(saved),
                kWh(on, watts), kWh(saved, watts), current.running() == Boolean.TRUE ? current.since() : null,
                current.running() != null, List.copyOf(days));
    }

    /** Whether the VM runs now and since when, from Proxmox's {@code status/current}; unknown when it does not answer. */
    private CurrentRun currentRun(String profile, Instant now) {
        try {
            Optional<VmHandle> vm = vms.find(profile);
            if (vm.isEmpty()) {
                return new CurrentRun(false, null);
            }
            VmStatus status = vm.get().status();
            if (!status.running()) {
                return new CurrentRun(false, null);
            }
            return new CurrentRun(true, now.minusSeconds(Math.max(0, status.uptime())));
        } catch (RuntimeException unreachable) {
            return new CurrentRun(null, null);
        }
    }

    private record CurrentRun(@Nullable Boolean running, @Nullable Instant since) {
    }

    private static Set<String> kinds() {
        Set<String> kinds = new java.util.HashSet<>(STARTS);
        kinds.addAll(STOPS);
        kinds.add(ROLLBACK);
        return kinds;
    }

    private static Map<String, List<PowerEvent>> powerEvents(List<FinishedOperation> finished) {
        Map<String, List<PowerEvent>> events = new java.util.HashMap<>();
        for (FinishedOperation op : finished) {
            List<PowerEvent> mine = events.computeIfAbsent(op.target(), key -> new ArrayList<>());
            if (STARTS.contains(op.kind())) {
                mine.add(new PowerEvent(op.finishedAt(), PowerEvent.Kind.ON));
                String preempted = op.params().get("preempt");
                if (preempted != null) {
                    // the start shut the GPU's previous holder down before it started its own VM
                    events.computeIfAbsent(preempted, key -> new ArrayList<>())
                            .add(new PowerEvent(op.finishedAt(), PowerEvent.Kind.OFF));
                }
            } else if (STOPS.contains(op.kind())) {
                boolean wasStopped = op.summary() != null && op.summary().contains("already stopped");
                boolean idle = !wasStopped && "SCHEDULE".equals(op.actorType()) && IDLE_STOP_ACTOR.equals(op.actor());
                mine.add(new PowerEvent(op.finishedAt(), idle ? PowerEvent.Kind.IDLE_OFF : PowerEvent.Kind.OFF));
            } else if (ROLLBACK.equals(op.kind()) && "true".equals(op.params().get("stopFirst"))) {
                mine.add(new PowerEvent(op.finishedAt(), PowerEvent.Kind.OFF));
            }
        }
        return events;
    }

    private List<ProfileView> allProfiles() {
        List<ProfileView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            ProfileList list = catalog.list(null, null, page, ProfileCatalog.MAX_PAGE_SIZE);
            all.addAll(list.items());
            if (page + 1 >= list.totalPages()) {
                return all;
            }
        }
    }

    private static UsageReport.Totals totals(List<ProfileUsage> usage) {
        boolean anyWatts = usage.stream().anyMatch(u -> u.kWh() != null);
        return new UsageReport.Totals(round(usage.stream().mapToDouble(ProfileUsage::poweredOnHours).sum()),
                round(usage.stream().mapToDouble(ProfileUsage::streamedHours).sum()),
                round(usage.stream().mapToDouble(ProfileUsage::idleStopSavedHours).sum()),
                anyWatts ? round(usage.stream().filter(u -> u.kWh() != null).mapToDouble(ProfileUsage::kWh).sum()) : null,
                anyWatts ? round(usage.stream().filter(u -> u.savedKWh() != null).mapToDouble(ProfileUsage::savedKWh).sum())
                        : null);
    }

    private static double hours(List<Span> spans, Instant start, Instant end) {
        long millis = 0;
        for (Span span : spans) {
            millis += span.overlap(start, end).toMillis();
        }
        return millis / 3_600_000.0;
    }

    private static @Nullable Double kWh(double hours, @Nullable Double watts) {
        return watts == null ? null : round(hours * watts / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}

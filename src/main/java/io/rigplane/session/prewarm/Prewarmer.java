package io.rigplane.session.prewarm;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.operation.OperationState;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.power.GpuHeldException;
import io.rigplane.power.PowerControl;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.session.internal.GraceShutdowns;
import io.rigplane.system.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts VMs before they are usually wanted and follows each warm-up: a session that comes finds
 * the VM warm; a warm VM no session came for is shut down after the grace period by the same
 * pending shutdown that follows a session's end (so a session queued for the GPU brings it forward).
 * Runs on one replica at a time; the decision for one expected session is a row with a unique key.
 */
@Component
public class Prewarmer {

    private static final Logger log = LoggerFactory.getLogger(Prewarmer.class);
    static final Actor PREWARM = Actor.schedule("pre-warm");
    static final Duration HISTORY = Duration.ofDays(7L * UsagePattern.WEEKS);
    static final Duration DEFAULT_ESTIMATE = Duration.ofSeconds(120);
    private static final Duration SHORTEST_ESTIMATE = Duration.ofSeconds(5);
    private static final Duration LONGEST_ESTIMATE = Duration.ofMinutes(15);

    private final PrewarmStore store;
    private final PowerControl power;
    private final Operations operations;
    private final ProfileVms vms;
    private final GraceShutdowns shutdowns;
    private final AuditTrail audit;
    private final Clock clock;

    Prewarmer(PrewarmStore store, PowerControl power, Operations operations, ProfileVms vms, GraceShutdowns shutdowns,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.power = power;
        this.operations = operations;
        this.vms = vms;
        this.shutdowns = shutdowns;
        this.audit = audit;
        this.clock = clock;
    }

    public void tick() {
        Instant now = clock.instant();
        for (PrewarmStore.Enabled enabled : store.enabled()) {
            if (enabled.settings().mode() == PrewarmMode.ON) {
                try {
                    plan(enabled.profile(), enabled.settings(), now);
                } catch (RuntimeException e) {
                    log.warn("Could not plan the warm-up of profile {}: {}", enabled.profile(), e.toString());
                }
            }
        }
        for (PrewarmRun run : store.open()) {
            try {
                follow(run, now);
            } catch (RuntimeException e) {
                log.warn("Could not follow warm-up {} of profile {}: {}", run.id(), run.profile(), e.toString());
            }
        }
    }

    /** The start operation of the profile's VM when it was pre-warmed and still waits for its session. */
    public Optional<UUID> warmStart(String profile) {
        return store.warmStart(profile).filter(operation -> vms.find(profile).map(this::runningQuietly).orElse(false));
    }

    PrewarmOutlook outlook(String profile, PrewarmSettings settings, Instant now) {
        ZoneId zone = settings.zoneId();
        List<UsualTime> times = settings.manualSchedule()
                ? settings.manual().stream().map(time -> new UsualTime(time.day(), time.time(), 0, 0)).toList()
                : UsagePattern.learn(store.sessionStarts(profile, now.minus(HISTORY)), zone, now);
        Duration estimate = store.coldTimeToReady(profile, now.minus(HISTORY)).map(Prewarmer::bounded)
                .orElse(DEFAULT_ESTIMATE);
        return PrewarmOutlook.of(settings.manualSchedule(), times, UsagePattern.next(times, zone, now).orElse(null),
                settings.lead(), estimate);
    }

    private void plan(String profile, PrewarmSettings settings, Instant now) {
        PrewarmOutlook outlook = outlook(profile, settings, now);
        if (outlook.expectedAt() == null || outlook.warmAt() == null || now.isBefore(outlook.warmAt())) {
            return;
        }
        Instant expected = outlook.expectedAt();
        Optional<UUID> claimed = store.claim(profile, expected, outlook.estimate(), now);
        if (claimed.isEmpty()) {
            return;
        }
        UUID run = claimed.get();
        String obstacle = obstacle(profile);
        if (obstacle != null) {
            store.skipped(run, obstacle, now);
            audit.record(PREWARM, "prewarm.skip", profile, AuditOutcome.REFUSED, obstacle);
            return;
        }
        try {
            OperationView start = power.start(profile, PREWARM, "prewarm-" + run);
            store.started(run, start.id(), now);
            shutdowns.planAt(profile, expected.plus(settings.grace()),
                    "it was pre-warmed for a session expected at " + expected + " and none came");
            audit.record(PREWARM, "prewarm.start", profile, AuditOutcome.SUCCESS,
                    "started for a session expected at " + expected + " (operation " + start.id() + ")");
        } catch (GpuHeldException held) {
            store.skipped(run, held.getMessage(), now);
        } catch (OperationConflictException busy) {
            store.skipped(run, "another operation works on the VM", now);
        } catch (ProblemException refused) {
            store.failed(run, refused.getMessage(), now);
        }
    }

    /** Why the VM is not to be warmed now, or null. */
    private @Nullable String obstacle(String profile) {
        if (store.liveSession(profile)) {
            return "a session on the profile is live already";
        }
        Optional<String> holder = power.gpuHolder(profile);
        if (holder.isPresent()) {
            return "the GPU is held by profile '" + holder.get() + "'";
        }
        Optional<VmHandle> vm = vms.find(profile);
        if (vm.isEmpty()) {
            return "the profile has no VM yet";
        }
        return runningQuietly(vm.get()) ? "the VM runs already" : null;
    }

    private void follow(PrewarmRun run, Instant now) {
        if (run.state() == PrewarmRun.State.WARMING) {
            if (run.operationId() == null) {
                if (now.isAfter(run.expectedAt())) {
                    store.failed(run.id(), "the warm-up was decided but its start was not queued", now);
                }
                return;
            }
            OperationView start = operations.get(run.operationId());
            if (start.state() == OperationState.FAILED) {
                store.failed(run.id(), "the VM did not start: " + start.error(), now);
                return;
            }
            if (start.state() == OperationState.SUCCEEDED) {
                store.warm(run.id(), now);
            }
        }
        Instant since = run.startedAt() == null ? run.expectedAt() : run.startedAt();
        Optional<PrewarmStore.SessionStart> session = store.firstSessionSince(run.profile(), since);
        if (session.isPresent()) {
            PrewarmStore.SessionStart found = session.get();
            if (found.readyAt() != null) {
                long took = Duration.between(found.createdAt(), found.readyAt()).toSeconds();
                store.used(run.id(), found.id(), (int) Math.max(0, run.estimateSeconds() - took), now);
            } else if ("ENDED".equals(found.state()) || "FAILED".equals(found.state())) {
                store.used(run.id(), found.id(), 0, now);
            }
            return;
        }
        Instant due = run.expectedAt().plus(graceOf(run.profile()));
        if (!now.isBefore(due)) {
            store.wasted(run.id(), (int) Duration.between(since, now).toSeconds(),
                    "no session came by " + due + ": shut down after the grace period", now);
        }
    }

    private Duration graceOf(String profile) {
        return store.settings(profile).map(PrewarmSettings::grace).orElse(Duration.ofSeconds(PrewarmSettings.DEFAULT_GRACE));
    }

    private boolean runningQuietly(VmHandle vm) {
        try {
            return vm.running();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Duration bounded(Duration estimate) {
        return estimate.compareTo(SHORTEST_ESTIMATE) < 0 ? SHORTEST_ESTIMATE
                : estimate.compareTo(LONGEST_ESTIMATE) > 0 ? LONGEST_ESTIMATE : estimate;
    }
}

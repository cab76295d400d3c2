package io.rigplane.snapshot.run;

import io.rigplane.access.Actor;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.snapshot.SnapshotRetryJob;
import io.rigplane.snapshot.SnapshotRunEnded;
import io.rigplane.snapshot.catalog.SnapshotTargets;
import io.rigplane.snapshot.policy.PolicySchedule;
import io.rigplane.snapshot.policy.PolicyStore;
import io.rigplane.snapshot.policy.StoredPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Starts runs: a policy's firing at a scheduled time (once, whoever fires it) and a manual
 * snapshot. Each run is a row first, then an operation on the profile; a run that cannot be
 * queued ends FAILED with the reason, never silently.
 */
@Service
public class SnapshotRuns {

    private static final String RETRIES = "snapshot-retries";
    private static final Logger log = LoggerFactory.getLogger(SnapshotRuns.class);

    @Autowired
    private ApplicationEventPublisher events;
    private final RunStore runs;
    private final PolicyStore policies;
    private final PolicySchedule schedule;
    private final Operations operations;
    private final ProfileVms vms;
    private final SnapshotTargets targets;
    private final Scheduler scheduler;
    private final SnapshotProperties properties;
    private final RunMetrics metrics;
    private final Clock clock;

    SnapshotRuns(RunStore runs, PolicyStore policies, PolicySchedule schedule, Operations operations,
            ProfileVms vms, SnapshotTargets targets, Scheduler scheduler, SnapshotProperties properties,
            RunMetrics metrics, Clock clock) {
        this.runs = runs;
        this.policies = policies;
        this.schedule = schedule;
        this.operations = operations;
        this.vms = vms;
        this.targets = targets;
        this.scheduler = scheduler;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The run of a policy for the time it was scheduled (what a Quartz firing calls; tests call it
     * with simulated times). Empty when that time has been fired already, or the policy is gone.
     */
    public Optional<UUID> fire(long policyId, Instant scheduledFor) {
        Optional<StoredPolicy> found = policies.find(policyId);
        if (found.isEmpty()) {
            try {
                schedule.remove(policyId);
            } catch (org.quartz.SchedulerException e) {
                log.warn("Could not remove the trigger of deleted snapshot policy {}", policyId, e);
            }
            return Optional.empty();
        }
        StoredPolicy policy = found.get();
        Instant minute = scheduledFor.truncatedTo(ChronoUnit.MINUTES);
        UUID id = UUID.randomUUID();
        String name = SnapshotNames.scheduled(policy.label(), minute);
        Actor actor = Actor.schedule("snapshot policy " + policy.label());
        if (!runs.insertScheduled(id, policy, minute, name, policy.policy().withRam(), actor.name(), clock.instant())) {
            return Optional.empty();
        }
        if (queue(id, policy.profile(), actor) == null) {
            waitForProfile(id);
        }
        return Optional.of(id);
    }

    /** A scheduled run that found the profile busy, tried again (by the retry job). */
    public void retry(UUID id) {
        runs.find(id).filter(run -> !run.finished() && run.operationId() == null).ifPresent(run -> {
            if (queue(id, run.profile(), Actor.schedule("snapshot policy " + run.label())) == null) {
                waitForProfile(id);
            }
        });
    }

    /**
     * Another operation works on the profile: try again later, like a VM lock, until the lock
     * deadline counted from the run's creation; then the run fails with the reason.
     */
    private void waitForProfile(UUID id) {
        SnapshotRun run = runs.find(id).orElseThrow();
        Instant next = clock.instant().plus(properties.maxBackoff());
        if (next.isAfter(run.createdAt().plus(properties.lockDeadline()))) {
            fail(id, "another operation kept working on the profile for "
                    + properties.lockDeadline() + "; last: " + run.reason());
            return;
        }
        try {
            // Quartz keeps wall-clock time; the name is unique per attempt as the running retry job still exists
            String key = "retry-" + id + "-" + System.nanoTime();
            scheduler.scheduleJob(JobBuilder.newJob(SnapshotRetryJob.class).withIdentity(key, RETRIES)
                    .usingJobData(SnapshotRetryJob.RUN_ID, id.toString()).build(),
                    TriggerBuilder.newTrigger().withIdentity(key, RETRIES)
                            .startAt(Date.from(Instant.now().plus(properties.maxBackoff()))).build());
        } catch (SchedulerException e) {
            fail(id, "could not schedule a retry: " + e.getMessage());
        }
    }

    /** A manual snapshot now, under the given name or {@code manual-{yyyyMMddHHmmss}}. */
    public OperationView takeNow(String profile, @Nullable String name, Actor actor) {
        targets.profileId(profile);
        String snapshot = name == null || name.isBlank() ? SnapshotNames.manual(clock.instant()) : name;
        ManualNames.check(snapshot);
        vms.require(profile);
        UUID id = UUID.randomUUID();
        runs.insertManual(id, profile, snapshot, actor.name(), clock.instant());
        OperationView operation = queue(id, profile, actor);
        if (operation == null) {
            UUID busy = operations.activeFor(profile).orElse(id);
            fail(id, "operation " + busy + " was working on the profile");
            throw new OperationConflictException(profile, busy);
        }
        return operation;
    }

    private void fail(UUID id, String reason) {
        runs.finish(id, "FAILED", reason, List.of(), clock.instant());
        runs.find(id).ifPresent(run -> metrics.ended(run, "FAILED", 0, null));
        runs.find(id).ifPresent(run -> events.publishEvent(new SnapshotRunEnded(id, run.profile(), run.label(), "FAILED", reason, 0)));
    }

    private @Nullable OperationView queue(UUID run, String profile, Actor actor) {
        try {
            OperationView operation = operations.submit(new OperationRequest(SnapshotHandler.KIND, profile,
                    Map.of(SnapshotHandler.RUN, run.toString()), actor, null));
            runs.queued(run, operation.id());
            return operation;
        } catch (OperationConflictException e) {
            runs.waiting(run, "operation " + e.running() + " was working on the profile");
            return null;
        } catch (RuntimeException e) {
            fail(run, "could not queue the snapshot: " + e.getMessage());
            throw e;
        }
    }
}

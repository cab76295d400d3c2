package io.rigplane.snapshot;

import io.rigplane.access.Actor;
import io.rigplane.operation.Operation;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.Operations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts runs: a policy's firing at a scheduled time (once, whoever fires it) and a manual
 * snapshot. Each run is a row first, then an operation on the profile; a run that cannot be
 * queued ends FAILED with the reason, never silently.
 */
@Service
public class SnapshotRuns {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRuns.class);

    private final RunStore runs;
    private final PolicyStore policies;
    private final PolicySchedule schedule;
    private final Operations operations;
    private final SnapshotTargets targets;
    private final Clock clock;

    SnapshotRuns(RunStore runs, PolicyStore policies, PolicySchedule schedule, Operations operations,
            SnapshotTargets targets, Clock clock) {
        this.runs = runs;
        this.policies = policies;
        this.schedule = schedule;
        this.operations = operations;
        this.targets = targets;
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
        queue(id, policy.profile(), actor);
        return Optional.of(id);
    }

    /** A manual snapshot now, under the given name or {@code manual-{yyyyMMddHHmm}}. */
    public Operation takeNow(String profile, @Nullable String name, Actor actor) {
        targets.profileId(profile);
        String snapshot = name == null || name.isBlank() ? SnapshotNames.manual(clock.instant()) : name;
        ManualNames.check(snapshot);
        targets.machine(profile);
        UUID id = UUID.randomUUID();
        runs.insertManual(id, profile, snapshot, actor.name(), clock.instant());
        Operation operation = queue(id, profile, actor);
        if (operation == null) {
            throw new OperationConflictException(profile, operations.activeFor(profile).orElseThrow());
        }
        return operation;
    }

    private @Nullable Operation queue(UUID run, String profile, Actor actor) {
        try {
            Operation operation = operations.submit(new OperationRequest(SnapshotHandler.KIND, profile,
                    Map.of(SnapshotHandler.RUN, run.toString()), actor, null));
            runs.queued(run, operation.id());
            return operation;
        } catch (OperationConflictException e) {
            runs.finish(run, "FAILED", "operation " + e.running() + " was working on the profile, so the snapshot was"
                    + " not taken", List.of(), clock.instant());
            return null;
        } catch (RuntimeException e) {
            runs.finish(run, "FAILED", "could not queue the snapshot: " + e.getMessage(), List.of(), clock.instant());
            throw e;
        }
    }
}

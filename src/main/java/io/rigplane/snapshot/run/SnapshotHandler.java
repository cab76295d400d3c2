package io.rigplane.snapshot.run;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.operation.VmLockStuckException;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxLockedException;
import io.rigplane.proxmox.Snapshot;
import io.rigplane.snapshot.SnapshotRunEnded;
import io.rigplane.snapshot.catalog.SnapshotDeleteHandler;
import io.rigplane.snapshot.catalog.SnapshotTargets;
import io.rigplane.snapshot.policy.PolicyStore;
import io.rigplane.snapshot.policy.RunWhen;
import io.rigplane.snapshot.policy.StoredPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Takes one run's snapshot and, for a scheduled run, prunes its label down to {@code keep} only
 * once the new snapshot exists. Holds a slot of the VM's node meanwhile. Safe to run again: a
 * snapshot already taken by an earlier attempt is not taken twice. Every ending is written to the
 * run with its reason and counted in the metrics.
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(SnapshotProperties.class)
class SnapshotHandler implements OperationHandler {

    static final String KIND = "snapshot";
    static final String RUN = "run";

    private final RunStore runs;
    private final PolicyStore policies;
    private final ProfileVms vms;
    private final SnapshotTargets targets;
    private final NodeSlots slots;
    private final SnapshotProperties properties;
    private final RunMetrics metrics;
    private final Clock clock;
    @Autowired
    private ApplicationEventPublisher events;

    SnapshotHandler(RunStore runs, PolicyStore policies, ProfileVms vms, SnapshotTargets targets, NodeSlots slots,
            SnapshotProperties properties, RunMetrics metrics, Clock clock) {
        this.runs = runs;
        this.policies = policies;
        this.vms = vms;
        this.targets = targets;
        this.slots = slots;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String execute(OperationContext context) throws Exception {
        UUID id = UUID.fromString(context.params().get(RUN));
        SnapshotRun run = runs.find(id).orElseThrow(() -> new IllegalStateException("snapshot run " + id + " is gone"));
        if (run.finished()) {
            return "run " + id + " had already ended " + run.state();
        }
        runs.running(id, context.id(), clock.instant());
        long started = System.nanoTime();
        Ending ending;
        try {
            ending = take(context, run);
        } catch (Exception e) {
            ending = new Ending("FAILED", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    List.of());
            record(run, ending, started);
            throw e;
        }
        record(run, ending, started);
        return ending.summary(run.snapshotName());
    }

    private Ending take(OperationContext context, SnapshotRun run) throws Exception {
        VmHandle vm = vms.require(run.profile());
        Optional<StoredPolicy> policy = run.scheduled() && run.label() != null
                ? policies.forProfile(targets.profileId(run.profile())).stream()
                        .filter(p -> p.label().equals(run.label())).findFirst()
                : Optional.empty();
        if (policy.isPresent() && policy.get().policy().runWhen() == RunWhen.ONLY_WHEN_RUNNING
                && !vm.running()) {
            context.skipped("snapshot " + run.snapshotName(), "the VM is not running and the policy is only-when-running");
            return new Ending("SKIPPED", "VM " + vm.vmid() + " was not running (policy only-when-running)", List.of());
        }
        boolean ram = run.ramState() && !targets.gpuPassthrough(run.profile());
        try (NodeSlots.Lease slot = context.step("wait for a snapshot slot on " + vm.node(),
                () -> slots.acquire(vm.cluster(), vm.node(), run.id()))) {
            context.task("snapshot " + run.snapshotName() + " of VM " + vm.vmid(), create(vm, run, ram));
            if (policy.isEmpty()) {
                return new Ending("SUCCEEDED", null, List.of());
            }
            return prune(context, vm, policy.get(), run.snapshotName());
        }
    }

    private ProxmoxTask create(VmHandle vm, SnapshotRun run, boolean ram) {
        String name = run.snapshotName();
        String description = SnapshotNames.description(run.scheduled()
                ? "policy " + run.label() + ", scheduled for " + run.scheduledFor()
                : "manual, by " + run.actor());
        return ProxmoxTask.of(vm.client(), c -> c.createSnapshot(vm.node(), vm.vmid(), name, description, ram),
                properties.taskTimeout())
                .unlessDone(() -> {
                    Optional<Snapshot> existing = targets.snapshots(vm).stream()
                            .filter(s -> s.name().equals(name)).findFirst();
                    if (existing.isPresent() && existing.get().snapstate() != null) {
                        // an earlier attempt of this run is still taking it: wait as for the lock it holds
                        throw new ProxmoxLockedException("snapshot", "the snapshot " + name
                                + " was still being taken by an earlier attempt");
                    }
                    return existing.isPresent() ? "taken by an earlier attempt" : null;
                })
                .retriedWhileUnreachable();
    }

    private Ending prune(OperationContext context, VmHandle vm, StoredPolicy policy, String taken)
            throws Exception {
        int keep = policy.policy().keep();
        List<String> doomed = Retention.toPrune(targets.snapshots(vm), policy.label(), keep, taken);
        if (doomed.isEmpty()) {
            context.skipped("prune " + policy.label(), "at most " + keep + " snapshots of this label");
            return new Ending("SUCCEEDED", null, List.of());
        }
        List<String> pruned = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : doomed) {
            try {
                context.task("prune " + name, SnapshotDeleteHandler.delete(targets, vm, name,
                        properties.taskTimeout()));
                pruned.add(name);
            } catch (Exception e) {
                problems.add(name + ": " + e.getMessage());
                if (e instanceof VmLockStuckException) {
                    break;
                }
            }
        }
        return problems.isEmpty() ? new Ending("SUCCEEDED", null, pruned)
                : new Ending("PARTIAL", "taken, but could not prune " + String.join("; ", problems), pruned);
    }

    private void record(SnapshotRun run, Ending ending, long startedNanos) {
        runs.finish(run.id(), ending.state(), ending.reason(), ending.pruned(), clock.instant());
        metrics.ended(run, ending.state(), ending.pruned().size(), Duration.ofNanos(System.nanoTime() - startedNanos));
        events.publishEvent(new SnapshotRunEnded(run.id(), run.profile(), run.label(), ending.state(), ending.reason(), ending.pruned().size()));
    }

    private record Ending(String state, @org.jspecify.annotations.Nullable String reason, List<String> pruned) {
        String summary(String name) {
            return switch (state) {
                case "SKIPPED" -> "Skipped " + name + ": " + reason;
                case "PARTIAL" -> "Took " + name + "; " + reason;
                default -> "Took " + name + (pruned.isEmpty() ? "" : ", pruned " + String.join(", ", pruned));
            };
        }
    }
}

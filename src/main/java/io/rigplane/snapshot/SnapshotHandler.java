package io.rigplane.snapshot;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.Snapshot;
import io.rigplane.proxmox.TaskFailedException;
import io.rigplane.proxmox.Upid;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    private final VmLocks locks;
    private final SnapshotProperties properties;
    private final RunMetrics metrics;
    private final Clock clock;

    SnapshotHandler(RunStore runs, PolicyStore policies, ProfileVms vms, SnapshotTargets targets, NodeSlots slots,
            SnapshotProperties properties, RunMetrics metrics, Clock clock) {
        this.runs = runs;
        this.policies = policies;
        this.vms = vms;
        this.targets = targets;
        this.slots = slots;
        this.locks = new VmLocks(properties);
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
        ProxmoxClient client = vm.client();
        Optional<StoredPolicy> policy = run.scheduled() && run.label() != null
                ? policies.forProfile(targets.profileId(run.profile())).stream()
                        .filter(p -> p.label().equals(run.label())).findFirst()
                : Optional.empty();
        if (policy.isPresent() && policy.get().policy().runWhen() == RunWhen.ONLY_WHEN_RUNNING
                && !client.status(vm.node(), vm.vmid()).running()) {
            context.skipped("snapshot " + run.snapshotName(), "the VM is not running and the policy is only-when-running");
            return new Ending("SKIPPED", "VM " + vm.vmid() + " was not running (policy only-when-running)", List.of());
        }
        boolean ram = run.ramState() && !targets.gpuPassthrough(run.profile());
        try (NodeSlots.Lease slot = context.step("wait for a snapshot slot on " + vm.node(),
                () -> slots.acquire(vm.cluster(), vm.node(), run.id()))) {
            context.step("snapshot " + run.snapshotName() + " of VM " + vm.vmid(),
                    () -> create(context, client, vm, run, ram));
            if (policy.isEmpty()) {
                return new Ending("SUCCEEDED", null, List.of());
            }
            return prune(context, client, vm, policy.get(), run.snapshotName());
        }
    }

    private String create(OperationContext context, ProxmoxClient client, VmHandle vm, SnapshotRun run, boolean ram)
            throws Exception {
        String name = run.snapshotName();
        String description = SnapshotNames.description(run.scheduled()
                ? "policy " + run.label() + ", scheduled for " + run.scheduledFor()
                : "manual, by " + run.actor());
        return locks.retry(client, vm.node(), vm.vmid(), "snapshot " + name, () -> {
            Optional<Snapshot> existing = targets.snapshots(vm).stream().filter(s -> s.name().equals(name)).findFirst();
            if (existing.isPresent()) {
                // an earlier attempt of this run got it, or is still taking it
                return existing.get().snapstate() == null ? "taken by an earlier attempt" : null;
            }
            Upid upid = client.createSnapshot(vm.node(), vm.vmid(), name, description, ram);
            context.upid(upid.value());
            return client.await(upid, properties.taskTimeout()).exitStatus();
        });
    }

    private Ending prune(OperationContext context, ProxmoxClient client, VmHandle vm, StoredPolicy policy, String taken)
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
                context.step("prune " + name, () -> {
                    String result = delete(context, client, vm, name);
                    pruned.add(name);
                    return result;
                });
            } catch (Exception e) {
                problems.add(name + ": " + e.getMessage());
                if (e instanceof VmLocks.StuckLockException) {
                    break;
                }
            }
        }
        return problems.isEmpty() ? new Ending("SUCCEEDED", null, pruned)
                : new Ending("PARTIAL", "taken, but could not prune " + String.join("; ", problems), pruned);
    }

    private String delete(OperationContext context, ProxmoxClient client, VmHandle vm, String name) throws Exception {
        return locks.retry(client, vm.node(), vm.vmid(), "prune " + name, () -> {
            if (targets.snapshots(vm).stream().noneMatch(s -> s.name().equals(name))) {
                return "already gone";
            }
            try {
                Upid upid = client.deleteSnapshot(vm.node(), vm.vmid(), name);
                context.upid(upid.value());
                return client.await(upid, properties.taskTimeout()).exitStatus();
            } catch (TaskFailedException e) {
                if (e.exitStatus().contains("does not exist")) {
                    return "already gone";
                }
                throw e;
            }
        });
    }

    private void record(SnapshotRun run, Ending ending, long startedNanos) {
        runs.finish(run.id(), ending.state(), ending.reason(), ending.pruned(), clock.instant());
        metrics.ended(run, ending.state(), ending.pruned().size(), Duration.ofNanos(System.nanoTime() - startedNanos));
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

package io.rigplane.snapshot.catalog;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.Snapshot;
import io.rigplane.snapshot.policy.CronSchedule;
import io.rigplane.snapshot.policy.PolicySchedule;
import io.rigplane.snapshot.policy.RunWhen;
import io.rigplane.snapshot.policy.SnapshotPolicies;
import io.rigplane.snapshot.policy.SnapshotPolicy;
import io.rigplane.snapshot.policy.StoredPolicy;
import io.rigplane.snapshot.run.Retention;
import io.rigplane.snapshot.run.RunStore;
import io.rigplane.snapshot.run.SnapshotNames;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A profile's snapshots: listing, the dry run of its policies, deleting and rolling back. */
@Service
public class SnapshotCatalog {

    private final ProfileVms vms;
    private final SnapshotTargets targets;
    private final RunStore runs;
    private final SnapshotPolicies policies;
    private final PolicySchedule schedule;
    private final Operations operations;
    private final AuditTrail audit;
    private final Clock clock;

    SnapshotCatalog(ProfileVms vms, SnapshotTargets targets, RunStore runs, SnapshotPolicies policies,
            PolicySchedule schedule, Operations operations, AuditTrail audit, Clock clock) {
        this.vms = vms;
        this.targets = targets;
        this.runs = runs;
        this.policies = policies;
        this.schedule = schedule;
        this.operations = operations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Oldest first. */
    public List<SnapshotEntry> list(String profile) {
        targets.profileId(profile);
        VmHandle vm = vms.require(profile);
        return targets.snapshots(vm).stream()
                .sorted(Comparator.comparing((Snapshot s) -> s.snaptime() == null ? java.time.Instant.MAX : s.snaptime())
                        .thenComparing(Snapshot::name))
                .map(s -> new SnapshotEntry(s.name(), s.description(), s.snaptime(), s.vmstate(), s.parent(),
                        s.snapstate(), runs.tookSnapshot(profile, s.name()), SnapshotNames.labelOf(s.name()).orElse(null)))
                .toList();
    }

    public DryRun dryRun(String profile) {
        List<StoredPolicy> stored = policies.stored(profile);
        Optional<VmHandle> vm = Optional.empty();
        List<Snapshot> snapshots = List.of();
        boolean running = false;
        String problem = null;
        try {
            vm = Optional.of(vms.require(profile));
            snapshots = targets.snapshots(vm.get());
            running = vm.get().running();
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }
        List<DryRun.Entry> entries = new ArrayList<>();
        for (StoredPolicy p : stored) {
            SnapshotPolicy policy = p.policy();
            java.time.Instant next = policy.active() ? schedule.nextRun(p.id())
                    .or(() -> CronSchedule.next(policy.cron(), policy.zone(), clock.instant())).orElse(null) : null;
            String skip = !policy.active() ? "the policy is disabled"
                    : problem != null ? problem
                    : policy.runWhen() == RunWhen.ONLY_WHEN_RUNNING && !running
                            ? "the VM is not running and the policy is only-when-running" : null;
            if (skip != null || next == null) {
                entries.add(new DryRun.Entry(p.label(), next, null, List.of(), skip));
                continue;
            }
            String name = SnapshotNames.scheduled(p.label(), next.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
            List<Snapshot> after = new ArrayList<>(snapshots);
            after.add(new Snapshot(name, null, next, false, null, null, Map.of()));
            entries.add(new DryRun.Entry(p.label(), next, name, Retention.toPrune(after, p.label(), policy.keep(), name),
                    null));
        }
        return new DryRun(profile, entries);
    }

    /** Deletes a snapshot; one Rigplane did not take needs {@code confirm} to repeat its name. */
    public OperationView delete(String profile, String snapshot, @Nullable String confirm, Actor actor) {
        VmHandle vm = vms.require(profile);
        find(vm, profile, snapshot);
        if (!runs.tookSnapshot(profile, snapshot) && !snapshot.equals(confirm)) {
            audit.record(actor, "snapshot.delete", profile, AuditOutcome.REFUSED, snapshot + " was not taken by Rigplane");
            throw new SnapshotRefusedException("snapshot-not-rigplane", "Snapshot not taken by Rigplane",
                    "Rigplane did not take '" + snapshot + "'; to delete it anyway, repeat its name: ?confirm=" + snapshot);
        }
        return operations.submit(new OperationRequest(SnapshotDeleteHandler.KIND, profile,
                Map.of(SnapshotDeleteHandler.SNAPSHOT, snapshot), actor, null));
    }

    public OperationView rollback(String profile, String snapshot, RollbackRequest request, Actor actor) {
        if (!snapshot.equals(request.confirm())) {
            throw new InvalidRequestException(List.of(new FieldError("confirm", "must repeat the snapshot's name ('"
                    + snapshot + "'): a rollback discards the VM's current state")));
        }
        VmHandle vm = vms.require(profile);
        Snapshot found = find(vm, profile, snapshot);
        if (found.snapstate() != null) {
            throw new SnapshotRefusedException("snapshot-incomplete", "Snapshot incomplete",
                    "'" + snapshot + "' is incomplete (snapstate " + found.snapstate() + ") and cannot be rolled back to");
        }
        boolean stopFirst = Boolean.TRUE.equals(request.stopFirst());
        if (!stopFirst && vm.running()) {
            throw new SnapshotRefusedException("vm-running", "VM is running",
                    "VM " + vm.vmid() + " is running; a rollback stops it and loses what it has not saved. Send"
                            + " \"stopFirst\": true to stop it first");
        }
        return operations.submit(new OperationRequest(SnapshotRollbackHandler.KIND, profile,
                Map.of(SnapshotRollbackHandler.SNAPSHOT, snapshot, SnapshotRollbackHandler.STOP_FIRST,
                        Boolean.toString(stopFirst)), actor, null));
    }

    private Snapshot find(VmHandle vm, String profile, String snapshot) {
        return targets.snapshots(vm).stream().filter(s -> s.name().equals(snapshot)).findFirst()
                .orElseThrow(() -> new SnapshotNotFoundException(profile, snapshot));
    }
}

package io.rigplane.snapshot.catalog;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.snapshot.run.SnapshotProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Deletes one snapshot the API accepted for deletion, waiting out locks like a run does. */
@Component
public class SnapshotDeleteHandler implements OperationHandler {

    static final String KIND = "snapshot-delete";
    static final String SNAPSHOT = "snapshot";
    private static final String GONE = "already gone";

    private final ProfileVms vms;
    private final SnapshotTargets targets;
    private final SnapshotProperties properties;

    SnapshotDeleteHandler(ProfileVms vms, SnapshotTargets targets, SnapshotProperties properties) {
        this.vms = vms;
        this.targets = targets;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String execute(OperationContext context) throws Exception {
        String name = context.params().get(SNAPSHOT);
        VmHandle vm = vms.require(context.target());
        String outcome = context.task("delete snapshot " + name + " of VM " + vm.vmid(),
                delete(targets, vm, name, properties.taskTimeout()));
        return outcome.equals(GONE) ? GONE : "Deleted snapshot " + name;
    }

    /** Deletes a snapshot unless it is gone already (an earlier attempt, or someone else, deleted it). */
    public static ProxmoxTask delete(SnapshotTargets targets, VmHandle vm, String name, Duration timeout) {
        return ProxmoxTask.of(vm.client(), c -> c.deleteSnapshot(vm.node(), vm.vmid(), name), timeout)
                .unlessDone(() -> targets.snapshots(vm).stream().noneMatch(s -> s.name().equals(name)) ? GONE : null)
                .doneWhenFailedWith("does not exist", GONE)
                .retriedWhileUnreachable();
    }
}

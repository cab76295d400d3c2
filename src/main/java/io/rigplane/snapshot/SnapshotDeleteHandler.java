package io.rigplane.snapshot;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.TaskFailedException;
import io.rigplane.proxmox.Upid;
import org.springframework.stereotype.Component;

/** Deletes one snapshot the API accepted for deletion, waiting out locks like a run does. */
@Component
class SnapshotDeleteHandler implements OperationHandler {

    static final String KIND = "snapshot-delete";
    static final String SNAPSHOT = "snapshot";

    private final ProfileVms vms;
    private final SnapshotTargets targets;
    private final VmLocks locks;
    private final SnapshotProperties properties;

    SnapshotDeleteHandler(ProfileVms vms, SnapshotTargets targets, SnapshotProperties properties) {
        this.vms = vms;
        this.targets = targets;
        this.locks = new VmLocks(properties);
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
        ProxmoxClient client = vm.client();
        return context.step("delete snapshot " + name + " of VM " + vm.vmid(), () ->
                locks.retry(client, vm.node(), vm.vmid(), "delete " + name, () -> {
                    if (targets.snapshots(vm).stream().noneMatch(s -> s.name().equals(name))) {
                        return "already gone";
                    }
                    try {
                        Upid upid = client.deleteSnapshot(vm.node(), vm.vmid(), name);
                        context.upid(upid.value());
                        client.await(upid, properties.taskTimeout());
                        return "Deleted snapshot " + name;
                    } catch (TaskFailedException e) {
                        if (e.exitStatus().contains("does not exist")) {
                            return "already gone";
                        }
                        throw e;
                    }
                }));
    }
}

package io.rigplane.snapshot.catalog;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.snapshot.run.SnapshotProperties;
import org.springframework.stereotype.Component;

/** Rolls a profile's VM back to a snapshot, stopping it first when the request asked for that. */
@Component
class SnapshotRollbackHandler implements OperationHandler {

    static final String KIND = "snapshot-rollback";
    static final String SNAPSHOT = "snapshot";
    static final String STOP_FIRST = "stopFirst";

    private final ProfileVms vms;
    private final SnapshotProperties properties;

    SnapshotRollbackHandler(ProfileVms vms, SnapshotProperties properties) {
        this.vms = vms;
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
        if (client.status(vm.node(), vm.vmid()).running()) {
            if (!Boolean.parseBoolean(context.params().get(STOP_FIRST))) {
                throw new SnapshotRefusedException("vm-running", "VM is running",
                        "VM " + vm.vmid() + " started after the rollback was requested; it was left running");
            }
            context.task("stop VM " + vm.vmid(),
                    ProxmoxTask.of(client, c -> c.stop(vm.node(), vm.vmid()), properties.taskTimeout()));
        } else {
            context.skipped("stop VM " + vm.vmid(), "not running");
        }
        context.task("roll back VM " + vm.vmid() + " to " + name,
                ProxmoxTask.of(client, c -> c.rollback(vm.node(), vm.vmid(), name), properties.taskTimeout())
                        .retriedWhileUnreachable());
        return "Rolled VM " + vm.vmid() + " back to " + name;
    }
}

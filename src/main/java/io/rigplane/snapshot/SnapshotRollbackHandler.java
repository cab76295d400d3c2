package io.rigplane.snapshot;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.Upid;
import org.springframework.stereotype.Component;

/** Rolls a profile's VM back to a snapshot, stopping it first when the request asked for that. */
@Component
class SnapshotRollbackHandler implements OperationHandler {

    static final String KIND = "snapshot-rollback";
    static final String SNAPSHOT = "snapshot";
    static final String STOP_FIRST = "stopFirst";

    private final ProfileVms vms;
    private final VmLocks locks;
    private final SnapshotProperties properties;

    SnapshotRollbackHandler(ProfileVms vms, SnapshotProperties properties) {
        this.vms = vms;
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
        if (client.status(vm.node(), vm.vmid()).running()) {
            if (!Boolean.parseBoolean(context.params().get(STOP_FIRST))) {
                throw new SnapshotRefusedException("vm-running", "VM is running",
                        "VM " + vm.vmid() + " started after the rollback was requested; it was left running");
            }
            context.step("stop VM " + vm.vmid(), () -> {
                Upid upid = client.stop(vm.node(), vm.vmid());
                context.upid(upid.value());
                return client.await(upid, properties.taskTimeout()).exitStatus();
            });
        } else {
            context.skipped("stop VM " + vm.vmid(), "not running");
        }
        context.step("roll back VM " + vm.vmid() + " to " + name, () ->
                locks.retry(client, vm.node(), vm.vmid(), "rollback to " + name, () -> {
                    Upid upid = client.rollback(vm.node(), vm.vmid(), name);
                    context.upid(upid.value());
                    return client.await(upid, properties.taskTimeout()).exitStatus();
                }));
        return "Rolled VM " + vm.vmid() + " back to " + name;
    }
}

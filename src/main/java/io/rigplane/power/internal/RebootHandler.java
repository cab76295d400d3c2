package io.rigplane.power.internal;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.PendingChange;
import io.rigplane.proxmox.ProxmoxClient;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reboots a running VM through the API, which applies its pending changes, and says which remain. */
@Component
public class RebootHandler implements OperationHandler {

    public static final String KIND = "power-reboot";

    private final ProfileVms vms;
    private final PowerTargets targets;

    RebootHandler(ProfileVms vms, PowerTargets targets) {
        this.vms = vms;
        this.targets = targets;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String execute(OperationContext context) throws Exception {
        VmHandle vm = vms.require(context.target());
        ProxmoxClient client = vm.client();
        if (!vm.running()) {
            throw new IllegalStateException("VM " + vm.vmid() + " is not running; start it instead (a start applies"
                    + " pending changes too)");
        }
        int timeout = targets.profile(context.target()).spec().shutdownTimeoutSeconds();
        context.task("reboot VM " + vm.vmid(),
                ProxmoxTask.of(client, c -> c.reboot(vm.node(), vm.vmid()), Duration.ofSeconds(2L * timeout + 120)));
        List<String> pending = client.pending(vm.node(), vm.vmid()).stream().filter(PendingChange::isPending)
                .map(PendingChange::key).toList();
        return "Rebooted VM " + vm.vmid() + (pending.isEmpty() ? "; no pending changes remain"
                : "; still pending: " + String.join(", ", pending));
    }
}

package io.rigplane.power.internal;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxClient;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Stops a profile's VM: at once ({@code power-stop}) or gracefully through the guest agent or ACPI
 * ({@code power-shutdown}, the profile's timeout, then forced when asked). A stopped VM is left
 * alone. Either way the profile's GPU claim is released once the VM is stopped.
 */
@Component
public class StopHandler implements OperationHandler {

    public static final String STOP = "power-stop";
    public static final String SHUTDOWN = "power-shutdown";
    public static final String FORCE = "force";

    private final ProfileVms vms;
    private final PowerTargets targets;
    private final GpuClaims claims;
    private final String kind;

    @org.springframework.beans.factory.annotation.Autowired
    StopHandler(ProfileVms vms, PowerTargets targets, GpuClaims claims) {
        this(vms, targets, claims, STOP);
    }

    private StopHandler(ProfileVms vms, PowerTargets targets, GpuClaims claims, String kind) {
        this.vms = vms;
        this.targets = targets;
        this.claims = claims;
        this.kind = kind;
    }

    /** The same handler for graceful shutdowns. */
    static StopHandler shutdown(ProfileVms vms, PowerTargets targets, GpuClaims claims) {
        return new StopHandler(vms, targets, claims, SHUTDOWN);
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String execute(OperationContext context) throws Exception {
        String name = context.target();
        VmHandle vm = vms.require(name);
        ProxmoxClient client = vm.client();
        if (!vm.running()) {
            context.skipped((kind.equals(STOP) ? "stop" : "shut down") + " VM " + vm.vmid(), "already stopped");
            claims.releaseAll(name);
            return "VM " + vm.vmid() + " was already stopped";
        }
        if (kind.equals(STOP)) {
            context.task("stop VM " + vm.vmid(),
                    ProxmoxTask.of(client, c -> c.stop(vm.node(), vm.vmid()), Duration.ofMinutes(2)));
        } else {
            int timeout = targets.profile(name).spec().shutdownTimeoutSeconds();
            boolean force = "true".equals(context.params().get(FORCE));
            context.task("shut down VM " + vm.vmid() + " (" + timeout + " s" + (force ? ", then force" : "") + ")",
                    ProxmoxTask.of(client, c -> c.shutdown(vm.node(), vm.vmid(), timeout, force),
                            Duration.ofSeconds(timeout + 60L)));
        }
        claims.releaseAll(name);
        return (kind.equals(STOP) ? "Stopped" : "Shut down") + " VM " + vm.vmid();
    }
}

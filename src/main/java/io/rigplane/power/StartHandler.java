package io.rigplane.power;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.TaskFailedException;
import io.rigplane.proxmox.Upid;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Starts a profile's VM: wakes its node when asleep, shuts a preempted holder of the GPU down, and
 * starts the VM unless it already runs. The GPU claim taken with the request is released when the
 * start fails, so a failed start never blocks the GPU. Safe to run again: each step looks first.
 */
@Component
class StartHandler implements OperationHandler {

    static final String KIND = "power-start";
    static final String PREEMPT = "preempt";
    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(5);

    private final ProfileVms vms;
    private final PowerTargets targets;
    private final NodeWaker waker;
    private final GpuClaims claims;

    StartHandler(ProfileVms vms, PowerTargets targets, NodeWaker waker, GpuClaims claims) {
        this.vms = vms;
        this.targets = targets;
        this.waker = waker;
        this.claims = claims;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String execute(OperationContext context) throws Exception {
        String name = context.target();
        VmHandle vm = vms.require(name);
        ProxmoxClient client = vm.client();
        try {
            waker.ensureOnline(context, client, vm.node());
            String holder = context.params().get(PREEMPT);
            if (holder != null) {
                preempt(context, holder);
            }
            if (vm.running()) {
                context.skipped("start VM " + vm.vmid(), "already running");
                return "VM " + vm.vmid() + " was already running";
            }
            context.step("start VM " + vm.vmid() + " on " + vm.node(), () -> {
                try {
                    Upid upid = client.start(vm.node(), vm.vmid());
                    context.upid(upid.value());
                    return client.await(upid, TASK_TIMEOUT).exitStatus();
                } catch (TaskFailedException e) {
                    // a crashed earlier run may have started it already
                    if (e.exitStatus().contains("already running")) {
                        return "already running";
                    }
                    throw e;
                }
            });
            return "Started VM " + vm.vmid() + " on " + vm.node();
        } catch (Exception e) {
            if (!runningQuietly(vm)) {
                claims.releaseAll(name);
            }
            throw e;
        }
    }

    /** Gracefully shuts down the VM of the profile whose GPU this start took over. */
    private void preempt(OperationContext context, String holder) throws Exception {
        Optional<VmHandle> held = vms.find(holder);
        if (held.isEmpty() || !held.get().running()) {
            context.skipped("shut down " + holder, "its VM is not running");
            return;
        }
        VmHandle vm = held.get();
        ProxmoxClient client = vm.client();
        int timeout = targets.profile(holder).spec().shutdownTimeoutSeconds();
        context.step("shut down " + holder + " (VM " + vm.vmid() + ") to free the GPU", () -> {
            Upid upid = client.shutdown(vm.node(), vm.vmid(), timeout, true);
            context.upid(upid.value());
            return client.await(upid, Duration.ofSeconds(timeout + 60L)).exitStatus();
        });
    }

    private boolean runningQuietly(VmHandle vm) {
        try {
            return vm.running();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

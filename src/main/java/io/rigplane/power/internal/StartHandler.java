package io.rigplane.power.internal;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.operation.OperationPhase;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.power.node.NodeWaker;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxClient;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Starts a profile's VM: wakes its node when asleep, shuts a preempted holder of the GPU down, and
 * starts the VM unless it already runs. The GPU claim taken with the request is released when the
 * start fails, so a failed start never blocks the GPU. Safe to run again: each step looks first.
 */
@Component
public class StartHandler implements OperationHandler {

    public static final String KIND = "power-start";
    public static final String PREEMPT = "preempt";
    /** The node placement chose; absent on operations queued before placement (the VM's node then). */
    public static final String NODE = "node";
    /** The placement as JSON ({node, reason, alternatives, …}), shown on the operation. */
    public static final String PLACEMENT = "placement";
    /** Offline migration copies local disks: minutes per hundred GiB on a LAN. */
    private static final Duration MIGRATE_TIMEOUT = Duration.ofHours(2);
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
        VmHandle found = vms.require(name);
        ProxmoxClient client = found.client();
        VmHandle vm = found;
        String target = context.params().getOrDefault(NODE, vm.node());
        try {
            if (!target.equals(vm.node()) || context.begun(migrateStep(vm, target))) {
                vm = migrate(context, vm, target);
            } else {
                waker.ensureOnline(context, client, target);
            }
            String holder = context.params().get(PREEMPT);
            if (holder != null) {
                preempt(context, holder);
            }
            context.phase(OperationPhase.STARTING_VM);
            VmHandle placed = vm;
            String start = "start VM " + vm.vmid() + " on " + vm.node();
            // in a replay after waiting for the start task the VM runs already: that is the task's doing
            if (!context.begun(start) && vm.running()) {
                context.skipped("start VM " + vm.vmid(), "already running");
                return "VM " + vm.vmid() + " was already running";
            }
            context.task(start,
                    ProxmoxTask.of(client, c -> c.start(placed.node(), placed.vmid()), TASK_TIMEOUT)
                            // a crashed earlier run may have started it already
                            .doneWhenFailedWith("already running", "already running"));
            return "Started VM " + vm.vmid() + " on " + vm.node();
        } catch (Exception e) {
            if (!runningQuietly(found)) {
                claims.releaseAll(name);
            }
            throw e;
        }
    }

    /**
     * A session start on a sleeping node, or behind a preempted VM, waits for seconds to minutes: the
     * operation gives its Quartz thread back meanwhile, so many sessions at once do not queue for threads.
     */
    @Override
    public boolean yieldsWhileWaiting() {
        return true;
    }

    private static String migrateStep(VmHandle vm, String target) {
        return "migrate VM " + vm.vmid() + " to " + target;
    }

    /**
     * Moves the stopped VM to the node placement chose with Proxmox's offline migration: both nodes
     * must be awake, disks on local storage are copied (with-local-disks), those on shared storage stay.
     * The step shows the task's progress while it copies.
     */
    private VmHandle migrate(OperationContext context, VmHandle vm, String target) throws Exception {
        ProxmoxClient client = vm.client();
        String step = migrateStep(vm, target);
        if (!target.equals(vm.node())) {
            waker.ensureOnline(context, client, vm.node());
        }
        waker.ensureOnline(context, client, target);
        String from = vm.node();
        context.task(step, ProxmoxTask.of(client, c -> c.migrate(from, vm.vmid(), target, hasLocalDisks(c, vm)),
                        MIGRATE_TIMEOUT)
                // an earlier run's migration may have finished while its answer was lost
                .unlessDone(() -> isOn(client, vm.vmid(), target) ? "already on " + target : null)
                .reportingProgress());
        return new VmHandle(vm.profile(), vm.cluster(), target, vm.vmid(), client);
    }

    private static boolean isOn(ProxmoxClient client, int vmid, String target) {
        return client.vms().stream().anyMatch(v -> v.vmid() == vmid && v.node().equals(target));
    }

    /** Whether a disk of the VM is on storage that is not shared (so Proxmox must copy it). */
    private static boolean hasLocalDisks(ProxmoxClient client, VmHandle vm) {
        java.util.Set<String> shared = client.sharedStorages();
        return client.config(vm.node(), vm.vmid()).values().entrySet().stream()
                .filter(e -> e.getKey().matches("(scsi|sata|ide|virtio)\\d+|efidisk0|tpmstate0"))
                .map(java.util.Map.Entry::getValue)
                .filter(v -> !v.contains("media=cdrom") && v.contains(":"))
                .map(v -> v.substring(0, v.indexOf(':')))
                .anyMatch(storage -> !shared.contains(storage));
    }

    /** Gracefully shuts down the VM of the profile whose GPU this start took over. */
    private void preempt(OperationContext context, String holder) throws Exception {
        Optional<VmHandle> held = vms.find(holder);
        String shutdown = held.map(vm -> "shut down " + holder + " (VM " + vm.vmid() + ") to free the GPU").orElse("");
        if (held.isEmpty() || !context.begun(shutdown) && !held.get().running()) {
            context.skipped("shut down " + holder, "its VM is not running");
            return;
        }
        VmHandle vm = held.get();
        ProxmoxClient client = vm.client();
        int timeout = targets.profile(holder).spec().shutdownTimeoutSeconds();
        context.task(shutdown,
                ProxmoxTask.of(client, c -> c.shutdown(vm.node(), vm.vmid(), timeout, true),
                        Duration.ofSeconds(timeout + 60L)));
    }

    private boolean runningQuietly(VmHandle vm) {
        try {
            return vm.running();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

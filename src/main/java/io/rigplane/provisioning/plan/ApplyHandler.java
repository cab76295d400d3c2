package io.rigplane.provisioning.plan;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.operation.ProxmoxTask;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.Change;
import io.rigplane.provisioning.ChangeEffect;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.proxmox.ProxmoxConfigChangedException;
import io.rigplane.proxmox.TaskFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Brings a VM to its profile: creates it when missing (found again by its identity tag if a
 * previous attempt got that far), then applies what the plan allows, never a refused change.
 * Safe to run again from the start.
 */
@Component
public class ApplyHandler implements OperationHandler {

    public static final String KIND = "apply";
    public static final String REBOOT = "reboot";
    private static final int ROUNDS = 3;
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(3);

    private final ProfileCatalog catalog;
    private final ProfileVms vms;
    private final ProvisioningPlans plans;
    private final VmidReservations reservations;

    ApplyHandler(ProfileCatalog catalog, ProfileVms vms, ProvisioningPlans plans, VmidReservations reservations) {
        this.reservations = reservations;
        this.catalog = catalog;
        this.vms = vms;
        this.plans = plans;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String execute(OperationContext context) throws Exception {
        ProfileView profile = catalog.get(context.target());
        ProxmoxClient client = vms.client(profile);
        Optional<VmLocation> existing = vms.locate(profile);
        boolean created = false;
        VmLocation vm;
        if (existing.isPresent()) {
            vm = existing.get();
        } else {
            vm = create(context, profile, client);
            created = true;
        }
        int applied = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Plan plan = plans.plan(catalog.get(context.target()));
            List<Change> todo = plan.changes().stream().filter(Change::applicable).toList();
            if (todo.isEmpty()) {
                break;
            }
            try {
                applied += update(context, client, vm, todo, round);
            } catch (TaskFailedException | ProxmoxConfigChangedException e) {
                if (!concurrentEdit(e) || round == ROUNDS - 1) {
                    throw e;
                }
                context.skipped("retry", "someone else changed the config meanwhile; planning again");
            }
        }
        Plan after = plans.plan(catalog.get(context.target()));
        boolean pending = !after.pendingOnVm().isEmpty();
        if (pending && "true".equals(context.params().get(REBOOT)) && after.running()) {
            context.task("reboot to apply pending changes",
                    ProxmoxTask.of(client, c -> c.reboot(vm.node(), vm.vmid()), CREATE_TIMEOUT));
            after = plans.plan(catalog.get(context.target()));
            pending = !after.pendingOnVm().isEmpty();
        }
        return summary(vm, created, applied, pending ? after.pendingOnVm() : List.of(), after);
    }

    private VmLocation create(OperationContext context, ProfileView profile, ProxmoxClient client) throws Exception {
        String name = profile.spec().name();
        for (int attempt = 1; ; attempt++) {
            int vmid = context.step("reserve a VMID", () -> reserve(catalog.get(name), client));
            try {
                createVm(context, catalog.get(name), client, vmid);
                // the VM exists now and Proxmox itself keeps its id from others
                reservations.release(client.clusterId(), vmid);
                return vms.locate(catalog.get(name))
                        .orElseThrow(() -> new IllegalStateException("VM " + vmid + " was created but is not listed"));
            } catch (ProxmoxException e) {
                // not created: give the VMID back, so that the profile is never bound to another's VM
                // and the next create may take it
                catalog.bindVm(name, null);
                reservations.release(client.clusterId(), vmid);
                boolean taken = String.valueOf(e.getMessage()).contains("already exists");
                if (!taken || profile.spec().vmid() != null || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void createVm(OperationContext context, ProfileView reserved, ProxmoxClient client, int vmid)
            throws Exception {
        String node = vms.homeNode(reserved);
        Map<String, String> config = new LinkedHashMap<>();
        plans.plan(reserved).changes().forEach(change -> config.put(change.key(), change.send()));
        context.task("create VM " + vmid + " on " + node, ProxmoxTask.of(client, c -> c.createVm(node, vmid, config),
                CREATE_TIMEOUT)
                // an earlier attempt may have created it before its answer was lost
                .recover(failure -> vms.findTagged(catalog.get(reserved.spec().name())).isPresent()
                        ? "created by an earlier attempt" : null));
    }

    /** The profile's own VMID, or a free one claimed for it against concurrent creates. */
    private Integer reserve(ProfileView profile, ProxmoxClient client) {
        Integer vmid = profile.spec().vmid();
        if (vmid != null && !client.vmidFree(vmid)) {
            throw new VmidTakenException(vmid);
        }
        if (vmid == null) {
            vmid = reservations.reserve(client, profile.spec().name());
        }
        catalog.bindVm(profile.spec().name(), vmid);
        return vmid;
    }

    private int update(OperationContext context, ProxmoxClient client, VmLocation vm, List<Change> todo, int round)
            throws Exception {
        Map<String, String> set = new LinkedHashMap<>();
        List<String> delete = new ArrayList<>();
        List<Change> resizes = new ArrayList<>();
        for (Change change : todo) {
            switch (change.action()) {
                case SET -> set.put(change.key(), change.send());
                case DELETE -> delete.add(change.key());
                case RESIZE -> resizes.add(change);
                default -> { }
            }
        }
        if (!set.isEmpty() || !delete.isEmpty()) {
            String digest = client.config(vm.node(), vm.vmid()).digest();
            context.task(describe(set, delete, round), ProxmoxTask.of(client,
                    c -> c.updateConfig(vm.node(), vm.vmid(), set, delete, digest), TASK_TIMEOUT));
        }
        for (Change resize : resizes) {
            context.task("grow " + resize.key() + " to " + resize.send(), ProxmoxTask.of(client,
                    c -> c.resize(vm.node(), vm.vmid(), resize.key(), resize.send()).orElse(null), TASK_TIMEOUT));
        }
        return set.size() + delete.size() + resizes.size();
    }

    private static String describe(Map<String, String> set, List<String> delete, int round) {
        List<String> keys = new ArrayList<>(set.keySet());
        delete.forEach(key -> keys.add("-" + key));
        return (round == 0 ? "update " : "update again ") + String.join(", ", keys);
    }

    /**
     * Someone else changed the config since its digest was read: qemu-server refuses the call
     * before it forks its worker, or, when the change came in between, the worker fails.
     */
    static boolean concurrentEdit(ProxmoxException e) {
        if (e instanceof ProxmoxConfigChangedException) {
            return true;
        }
        String status = e instanceof TaskFailedException failed ? failed.exitStatus() : "";
        return status.contains("file change by other user") || status.contains("file changed by other user");
    }

    private static String summary(VmLocation vm, boolean created, int applied, List<String> pending, Plan after) {
        StringBuilder text = new StringBuilder(created ? "Created VM " + vm.vmid() + " on " + vm.node()
                : applied == 0 ? "VM " + vm.vmid() + " already matched its profile"
                : "Applied " + applied + " change" + (applied == 1 ? "" : "s") + " to VM " + vm.vmid());
        if (!pending.isEmpty()) {
            text.append("; pending until the next stop/start: ").append(String.join(", ", pending));
        }
        if (after.refused() > 0) {
            text.append("; refused (would destroy data): ").append(String.join(", ", after.changes().stream()
                    .filter(change -> change.effect() == ChangeEffect.REFUSED).map(Change::key).toList()));
        }
        return text.toString();
    }
}

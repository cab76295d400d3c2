package io.rigplane.terraform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes a Proxmox VM config as the attributes of a {@code proxmox_virtual_environment_vm}
 * resource of the bpg/proxmox provider. A key or option that no attribute carries is listed with
 * the reason, never dropped. Where the provider's default differs from what Proxmox does without
 * the key (start at boot, ballooning, SCSI controller, TPM version), the value is written out so
 * that Terraform would not change the VM.
 */
public final class ProxmoxToBpg {

    private static final Set<String> CLOUD_INIT = Set.of("ciuser", "cipassword", "citype", "ciupgrade", "cicustom",
            "nameserver", "searchdomain", "sshkeys");
    private static final Set<String> SECRETS = Set.of("cipassword");
    private static final Set<String> SET_BY_PROXMOX = Set.of("vmgenid", "meta", "digest", "lock", "runningmachine",
            "runningcpu", "vmstate", "parent", "snaptime");

    private ProxmoxToBpg() {
    }

    /**
     * @param heading a comment line written above the resource
     * @param label the resource's name in Terraform
     * @param exists whether the VM exists, so that Terraform should import it rather than create it
     * @param extraTags tags the VM carries beyond the config's, which Terraform must keep
     */
    public static ExportedVm export(String heading, String label, String node, @Nullable Integer vmid, boolean exists,
            Map<String, String> config, List<String> extraTags) {
        ExportContext vm = new ExportContext(config);
        vm.put("node_name", node);
        if (vmid != null) {
            vm.put("vm_id", (long) vmid);
        }
        GeneralSettings.export(vm);
        if (!extraTags.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> tags = (List<String>) vm.attributes().getOrDefault("tags", List.of());
            Set<String> all = new TreeSet<>(tags);
            all.addAll(extraTags);
            vm.put("tags", List.copyOf(all));
        }
        CpuAndMemory.export(vm, vmid);
        Disks.export(vm);
        NetworkDevices.export(vm);
        PassThrough.export(vm);
        OtherDevices.export(vm);
        for (String key : new ArrayList<>(vm.remaining().keySet())) {
            String value = vm.take(key);
            // a secret never leaves Rigplane, not even as a comment
            vm.unmapped(key, SECRETS.contains(key) ? "(not shown)" : value, reason(key));
        }
        return new ExportedVm(heading, label(label), exists && vmid != null ? node + "/" + vmid : null, vm.attributes(),
                List.copyOf(vm.unmapped()));
    }

    private static String reason(String key) {
        if (CLOUD_INIT.contains(key) || key.matches("^ipconfig\\d+$")) {
            return "cloud-init: the provider's initialization block carries it; Rigplane does not carry cloud-init";
        }
        if (SET_BY_PROXMOX.contains(key)) {
            return "set by Proxmox itself";
        }
        return "the provider has no attribute for it: Terraform leaves it as it is on the VM";
    }

    /** A Terraform identifier: it must start with a letter or an underscore. */
    static String label(String name) {
        String label = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return label.matches("^[A-Za-z_].*") ? label : "vm_" + label;
    }
}

package io.rigplane.terraform.internal;

import io.rigplane.system.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code proxmox_virtual_environment_vm} resource as the Proxmox config the provider
 * would give the VM. An attribute the document leaves out takes the provider's default; a value
 * that means what Proxmox does without the key is left out where the provider's default says
 * otherwise. Attributes that are not the provider's documented ones are reported, never dropped.
 */
public final class BpgToProxmox {

    private static final String PROFILE_NAME = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";
    private static final String NODE = "^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$";

    /** Attributes that steer Terraform itself, or that it only reads back: no Proxmox key. */
    private static final Set<String> PROVIDER_ONLY = Set.of("id", "migrate", "reboot", "reboot_after_update",
            "stop_on_destroy", "purge_on_destroy", "delete_unreferenced_disks_on_destroy", "timeout_clone",
            "timeout_create", "timeout_migrate", "timeout_reboot", "timeout_shutdown_vm", "timeout_start_vm",
            "timeout_stop_vm", "timeout_move_disk", "ipv4_addresses", "ipv6_addresses", "mac_addresses",
            "network_interface_names");

    private BpgToProxmox() {
    }

    public static MappedVm read(TerraformResource resource) {
        List<FieldError> problems = new ArrayList<>();
        AttributeBlock attributes = new AttributeBlock("", resource.values(), problems);
        ImportContext vm = new ImportContext(attributes, problems);
        attributes.known(PROVIDER_ONLY.toArray(String[]::new));

        String node = attributes.string("node_name");
        if (node == null || !node.matches(NODE)) {
            vm.problem("node_name", node == null ? "is required" : "must be a Proxmox node name");
        }
        Long vmid = attributes.integer("vm_id");
        if (vmid != null && (vmid < 100 || vmid > 999_999_999)) {
            vm.problem("vm_id", "must be between 100 and 999999999");
            vmid = null;
        }
        String name = profileName(resource, attributes, vm);

        if (attributes.isSet("clone")) {
            attributes.blocks("clone");
            vm.problem("clone", "a clone takes its disks and settings from another VM, which the document does not"
                    + " show; adopt the VM instead (POST /api/v1/profiles/adopt)");
        }
        if (attributes.isSet("initialization")) {
            attributes.blocks("initialization");
            vm.problem("initialization", "cloud-init is not carried by Rigplane profiles");
        }
        if (Boolean.FALSE.equals(attributes.bool("started"))) {
            vm.ignored("started", "Rigplane does not keep a VM stopped or running; start and stop it through"
                    + " /api/v1/profiles/{name}/start and /stop");
        }
        String pool = attributes.string("pool_id");
        if (pool != null && !pool.isEmpty()) {
            vm.ignored("pool_id", "Rigplane leaves pool membership as it is");
        }

        GeneralSettings.read(vm);
        CpuAndMemory.read(vm, vmid);
        Disks.read(vm);
        NetworkDevices.read(vm);
        PassThrough.read(vm);
        OtherDevices.read(vm);
        if (name != null) {
            vm.put("name", name);
        }
        return new MappedVm(resource.address(), name, node, vmid == null ? null : vmid.intValue(),
                Map.copyOf(vm.config()), attributes.unread(), List.copyOf(vm.ignoredAttributes()),
                List.copyOf(vm.creationOnlyAttributes()), List.copyOf(problems));
    }

    /**
     * The profile is named after the VM; a VM name that is no profile name (capitals, dots) gives
     * way to the resource's name in Terraform.
     */
    private static @Nullable String profileName(TerraformResource resource, AttributeBlock attributes, ImportContext vm) {
        String vmName = attributes.string("name");
        if (vmName != null && vmName.matches(PROFILE_NAME)) {
            return vmName;
        }
        String fromLabel = resource.label().toLowerCase(Locale.ROOT).replace('_', '-');
        if (fromLabel.matches(PROFILE_NAME)) {
            if (vmName != null && !vmName.isEmpty()) {
                vm.ignored("name", "'" + vmName + "' is no profile name; the profile and the VM take the name '"
                        + fromLabel + "'");
            }
            return fromLabel;
        }
        vm.problem("name", "neither the VM name nor the resource name is a profile name (lowercase letters,"
                + " digits and -, at most 63)");
        return null;
    }
}

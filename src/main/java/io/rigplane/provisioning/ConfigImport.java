package io.rigplane.provisioning;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A VM's Proxmox config to record as a profile: read from a real VM by adopt, or written by a
 * Terraform import. {@code config} holds Proxmox keys and values as Proxmox stores them
 * ({@code scsi0: local-zfs:vm-100-disk-1,cache=none,size=200G}); {@code vmid}, when it names an
 * existing VM, is the VM the profile will manage.
 */
public record ConfigImport(String name, @Nullable String cluster, String node, @Nullable Integer vmid,
        Map<String, String> config) {

    public ConfigImport {
        config = Map.copyOf(config);
    }
}

package io.rigplane.terraform.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A VM as a {@code proxmox_virtual_environment_vm} resource: a comment line about it, its label, the import id when the VM
 * exists, its attributes (nested blocks as lists of objects) and the settings no attribute carries.
 */
public record ExportedVm(String heading, String label, @Nullable String importId, Map<String, Object> attributes,
        List<UnmappedSetting> unmapped) {
}

package io.rigplane.terraform.internal;

import io.rigplane.system.FieldError;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A resource read as a Proxmox config: the profile name, node and VMID it names, the config, and
 * what the reading found (attributes nobody knows, attributes left alone, attributes that matter
 * only when creating the VM, and problems).
 */
public record MappedVm(String address, @Nullable String name, @Nullable String node, @Nullable Integer vmid,
        Map<String, String> config, List<String> unknownAttributes, List<FieldError> ignoredAttributes,
        List<FieldError> creationOnlyAttributes, List<FieldError> problems) {
}

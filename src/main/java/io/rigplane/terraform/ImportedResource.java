package io.rigplane.terraform;

import io.rigplane.profile.ProfileSpec;
import io.rigplane.system.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the import made, or would make, of one resource of the document. */
public record ImportedResource(
        @Schema(example = "module.desktops.proxmox_virtual_environment_vm.gaming[0]") String address,
        @Schema(example = "gaming-pc", description = "the profile's name: the VM's, else the resource's") @Nullable String name,
        @Schema(example = "srv02") @Nullable String node,
        @Schema(example = "100") @Nullable Integer vmid,
        @Schema(description = "the profile was created (with dryRun: would be)") boolean created,
        @Schema(description = "the existing VM with this VMID was bound to the profile, as adopt does (with dryRun:"
                + " would be)") boolean bound,
        @Schema(description = "attributes that are not the provider's documented ones: not carried over")
        List<String> unknownAttributes,
        @Schema(description = "documented attributes Rigplane leaves alone, each with the reason")
        List<FieldError> ignoredAttributes,
        @Schema(description = "Proxmox keys where the document and the existing VM differ: the first plan changes them")
        List<String> differsFromVm,
        @Schema(description = "why this resource cannot be imported; any problem stops the whole import")
        List<FieldError> problems,
        @Schema(description = "the profile created, or that would be") @Nullable ProfileSpec profile) {
}

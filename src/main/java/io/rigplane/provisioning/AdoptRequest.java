package io.rigplane.provisioning;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/** Which existing VM to adopt, and the name of the profile that will manage it. */
public record AdoptRequest(
        @Schema(example = "default", description = "may be left out when only one cluster is configured")
        @Nullable String cluster,
        @Schema(example = "srv02") @NotBlank @Pattern(regexp = "^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$",
                message = "must be a Proxmox node name") String node,
        @Schema(example = "100") @NotNull @Min(100) @Max(999_999_999) Integer vmid,
        @Schema(example = "gaming-pc") @NotBlank String name) {
}

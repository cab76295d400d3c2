package io.rigplane.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One disk of a profile: where it attaches, on which storage, how big, and its role. */
public record Disk(
        @Schema(example = "scsi0") @NotNull
        @Pattern(regexp = ProxmoxIds.DISK_SLOT, message = "must be a disk slot such as scsi0 (scsi0-30, virtio0-15, sata0-5, ide0-3)")
        String slot,
        @Schema(example = "local-zfs") @NotNull
        @Pattern(regexp = ProxmoxIds.CONFIG_ID, message = "must be a Proxmox storage id (a letter, then letters, digits, - or _)")
        String storage,
        @Schema(example = "200") @NotNull @Min(1) @Max(131072) Integer sizeGiB,
        @Schema(example = "system") @NotNull DiskRole role) {
}

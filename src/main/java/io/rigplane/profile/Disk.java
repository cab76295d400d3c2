package io.rigplane.profile;

import io.rigplane.profile.internal.ProxmoxIds;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * One disk of a profile: where it attaches, on which storage, how big, and its role. Its
 * {@code options} are Proxmox drive options of its own ({@code cache=writeback,backup=0}); they
 * override the platform's options for every disk, on platforms that leave them to the profile.
 */
public record Disk(
        @Schema(example = "scsi0") @NotNull
        @Pattern(regexp = ProxmoxIds.DISK_SLOT, message = "must be a disk slot such as scsi0 (scsi0-30, virtio0-15, sata0-5, ide0-3)")
        String slot,
        @Schema(example = "local-zfs") @NotNull
        @Pattern(regexp = ProxmoxIds.CONFIG_ID, message = "must be a Proxmox storage id (a letter, then letters, digits, - or _)")
        String storage,
        @Schema(example = "200") @NotNull @Min(1) @Max(131072) Integer sizeGiB,
        @Schema(example = "system") @NotNull DiskRole role,
        @Schema(example = "cache=writeback,discard=on", description = "drive options of this disk (not on "
                + "windows-11-gaming, which sets them)")
        @Size(max = 512) @Nullable String options) {

    /** A disk with the platform's drive options. */
    public Disk(String slot, String storage, Integer sizeGiB, DiskRole role) {
        this(slot, storage, sizeGiB, role, null);
    }

    public Disk {
        options = options == null || options.isBlank() ? null : options.strip();
    }

    /** The same disk with other drive options. */
    public Disk withOptions(@Nullable String newOptions) {
        return new Disk(slot, storage, sizeGiB, role, newOptions);
    }
}

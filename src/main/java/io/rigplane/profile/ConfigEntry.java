package io.rigplane.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One key of the rendered Proxmox config. */
public record ConfigEntry(
        @Schema(example = "scsi0") String key,
        @Schema(description = "the value as Proxmox stores it",
                example = "local-zfs:vm-100-disk-1,aio=io_uring,cache=none,discard=on,iothread=1,size=200G,ssd=1")
        String value,
        @Schema(description = "for disks: the value sent to create it",
                example = "local-zfs:200,aio=io_uring,cache=none,discard=on,iothread=1,ssd=1")
        @Nullable String createValue,
        Layer layer) {
}

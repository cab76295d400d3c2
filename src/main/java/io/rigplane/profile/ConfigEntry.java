package io.rigplane.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One key of the rendered Proxmox config. */
public record ConfigEntry(
        @Schema(example = "scsi0") String key,
        @Schema(description = "the value as Proxmox stores it; for a Proxmox default, the default (null where "
                + "Proxmox decides by itself)",
                example = "local-zfs:vm-100-disk-1,aio=io_uring,cache=none,discard=on,iothread=1,size=200G,ssd=1")
        @Nullable String value,
        @Schema(description = "for disks: the value sent to create it",
                example = "local-zfs:200,aio=io_uring,cache=none,discard=on,iothread=1,ssd=1")
        @Nullable String createValue,
        Layer layer,
        @Schema(description = "the layer that set the value: profile, a platform's id, or proxmox-default",
                example = "windows-11-gaming")
        String source) {

    /** An entry whose source is its layer's name; rendering names the platform once it knows it. */
    public ConfigEntry(String key, @Nullable String value, @Nullable String createValue, Layer layer) {
        this(key, value, createValue, layer, layer == Layer.PROFILE ? "profile"
                : layer == Layer.PLATFORM ? "platform" : "proxmox-default");
    }

    public ConfigEntry from(Layer newLayer, String newSource) {
        return new ConfigEntry(key, value, createValue, newLayer, newSource);
    }
}

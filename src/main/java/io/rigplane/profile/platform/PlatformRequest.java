package io.rigplane.profile.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A platform as a user writes it: the Proxmox keys it sets, over those of the platform it extends. */
@Schema(description = "A user platform: Proxmox keys every profile on it inherits, over those of the one it extends")
public record PlatformRequest(
        @Schema(example = "my-gaming", description = "a slug; cannot change") @Nullable String id,
        @Schema(example = "Windows 11 gaming with the PCID flag") @Nullable String description,
        @JsonProperty("extends") @Schema(name = "extends", example = "windows-11-gaming") @Nullable String parent,
        @Schema(example = "{\"cpu\": \"host,hidden=1,flags=+pcid\"}", description = "Proxmox config keys; "
                + "scsi[n], virtio[n], sata[n], ide[n], hostpci[n] and net[n] give options for every disk, the "
                + "GPU and the network card; efidisk0 and tpmstate0 their options (on the system disk's storage)")
        @Nullable Map<String, String> settings,
        @Schema(example = "win11", description = "the Proxmox ostype; inherited when absent") @Nullable String osType,
        @Schema(example = "sunshine", description = "apollo or sunshine; inherited when absent") @Nullable String streamHost) {
}

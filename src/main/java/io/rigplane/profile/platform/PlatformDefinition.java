package io.rigplane.profile.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A platform as data: the Proxmox keys it sets for every profile on it, over those of the platform
 * it extends. Keys written {@code scsi[n]}, {@code hostpci[n]} or {@code net[n]} give options for
 * every disk, the GPU or the network card of a profile; {@code efidisk0} and {@code tpmstate0}
 * give the options of the EFI and TPM disks, which go on the system disk's storage.
 */
@Schema(description = "A platform: defaults a profile inherits, layer over layer")
public record PlatformDefinition(
        @Schema(example = "my-gaming") String id,
        @Schema(example = "Windows 11 gaming with the PCID flag") String description,
        @JsonProperty("extends") @Schema(example = "windows-11-gaming", name = "extends") @Nullable String parent,
        @Schema(example = "{\"cpu\": \"host,hidden=1,flags=+pcid\"}") SortedMap<String, String> settings,
        @Schema(example = "win11", description = "the Proxmox ostype; inherited when absent") @Nullable String osType,
        @Schema(example = "apollo", description = "the stream host profiles on it run by default (apollo or "
                + "sunshine); inherited when absent") @Nullable String streamHost,
        @Schema(description = "built into Rigplane, read-only") boolean builtIn,
        @Schema(description = "the version a change must name in If-Match; 0 for built-ins") long version) {

    public PlatformDefinition {
        settings = new TreeMap<>(settings == null ? Map.of() : settings);
        description = description == null ? "" : description;
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}

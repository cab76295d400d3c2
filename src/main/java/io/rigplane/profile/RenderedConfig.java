package io.rigplane.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A profile rendered to the key/value map Proxmox stores, each value with its layer; sorted by key.
 * {@code managedKeys} are the keys the platform manages even where it renders none (overridable
 * settings, the GPU slot): a VM that has them without the profile asking is drift. Other keys of a
 * VM (a CD drive, a USB device) are left alone. {@code chain} names the layers from the top
 * (profile, then each platform by id, then proxmox-default); {@code defaults} lists the managed
 * keys nothing sets, which Proxmox fills with its own defaults.
 */
public record RenderedConfig(String profile, String platform, List<ConfigEntry> entries, List<String> managedKeys,
        @Schema(example = "[\"profile\", \"my-gaming\", \"windows-11-gaming\", \"proxmox-default\"]")
        List<String> chain,
        List<ConfigEntry> defaults) {

    public RenderedConfig(String profile, String platform, List<ConfigEntry> entries, List<String> managedKeys) {
        this(profile, platform, entries, managedKeys, List.of("profile", platform, "proxmox-default"), List.of());
    }

    public Optional<ConfigEntry> entry(String key) {
        return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
    }

    /** The config as Proxmox prints it: key to stored value. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        entries.forEach(entry -> values.put(entry.key(), entry.value()));
        return values;
    }
}

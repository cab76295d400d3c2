package io.rigplane.profile.internal;

import io.rigplane.profile.ConfigEntry;
import io.rigplane.profile.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Collects rendered entries; a later value for a key replaces an earlier one, as overrides do. */
public final class ConfigBuilder {

    private final Map<String, ConfigEntry> entries = new TreeMap<>();
    private boolean createValuesForVolumes;

    public void platform(String key, String value) {
        put(key, value, null, Layer.PLATFORM);
    }

    public void profile(String key, String value) {
        put(key, value, null, Layer.PROFILE);
    }

    public void put(String key, String value, @Nullable String createValue, Layer layer) {
        entries.put(key, new ConfigEntry(key, value, createValue, layer));
    }

    public void put(String key, String value, @Nullable String createValue, Layer layer, String source) {
        entries.put(key, new ConfigEntry(key, value, createValue, layer, source));
    }

    public void put(ConfigEntry entry) {
        entries.put(entry.key(), entry);
    }

    Optional<ConfigEntry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Before a VMID is known, the stored form of a disk cannot be; show the form sent on create. */
    public void useCreateValuesForVolumes() {
        createValuesForVolumes = true;
    }

    public java.util.Set<String> keys() {
        return entries.keySet();
    }

    public List<ConfigEntry> build() {
        List<ConfigEntry> built = new ArrayList<>();
        for (ConfigEntry entry : entries.values()) {
            built.add(createValuesForVolumes && entry.createValue() != null
                    ? new ConfigEntry(entry.key(), entry.createValue(), entry.createValue(), entry.layer(),
                            entry.source())
                    : entry);
        }
        return built;
    }
}

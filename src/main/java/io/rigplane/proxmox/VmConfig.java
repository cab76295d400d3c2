package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.Fields;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A VM's config as a flat map, sorted by key, without {@code digest}; numbers are written as Proxmox
 * stores them ({@code memory=32768}). The digest guards a later update against concurrent edits.
 */
public record VmConfig(Map<String, String> values, @Nullable String digest) {

    static VmConfig from(Fields f) {
        String digest = f.string("digest");
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : f.json().properties()) {
            if (!e.getKey().equals("digest") && !e.getValue().isNull()) {
                values.put(e.getKey(), Fields.text(e.getValue()));
            }
        }
        return new VmConfig(java.util.Collections.unmodifiableMap(values), digest);
    }

    public @Nullable String get(String key) {
        return values.get(key);
    }
}

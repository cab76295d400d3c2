package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A cluster PCI mapping ({@code GET /cluster/mapping/pci}): how tokens pass a GPU through
 * ({@code hostpci0: mapping=<id>}). One entry per node that has the device.
 */
public record PciMapping(String id, @Nullable String description, List<Entry> map, Map<String, Object> extra) {

    /** One node's device: {@code node=srv02,path=0000:01:00,id=10de:2484,…} parsed; every key in {@code properties}. */
    public record Entry(String node, String path, @Nullable String id, Map<String, String> properties) {

        static Entry parse(String text) {
            Map<String, String> props = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    props.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
            return new Entry(props.getOrDefault("node", ""), props.getOrDefault("path", ""), props.get("id"),
                    java.util.Collections.unmodifiableMap(props));
        }
    }

    static PciMapping from(Fields f) {
        String id = f.string("id", "");
        String description = f.string("description");
        JsonNode map = f.node("map");
        List<Entry> entries = new ArrayList<>();
        if (map != null) {
            // one string per node; a single entry may come as a bare string
            for (JsonNode e : map.isArray() ? map : List.of(map)) {
                entries.add(Entry.parse(e.asString()));
            }
        }
        return new PciMapping(id, description, List.copyOf(entries), f.extra());
    }

    /** The devices on one node, in map order: Proxmox starts a VM on the first one that is free. */
    public List<Entry> devicesOn(String node) {
        return map.stream().filter(e -> e.node().equals(node)).toList();
    }

    /** The nodes that have a device of this mapping, in map order. */
    public List<String> nodes() {
        return map.stream().map(Entry::node).distinct().toList();
    }

    /** The first entry for one node, if the device is mapped there. */
    public java.util.Optional<Entry> on(String node) {
        return map.stream().filter(e -> e.node().equals(node)).findFirst();
    }
}

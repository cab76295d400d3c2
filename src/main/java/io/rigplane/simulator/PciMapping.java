package io.rigplane.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A cluster-wide PCI mapping ({@code /cluster/mapping/pci}): one id, one device path per node. */
final class PciMapping {
    final String id;
    String description;
    /** node → full map entry ({@code node=srv02,path=0000:01:00,id=10de:2484,iommugroup=14}). */
    final Map<String, String> entries = new LinkedHashMap<>();

    PciMapping(String id, String description) {
        this.id = id;
        this.description = description;
    }

    String pathOn(String node) {
        String entry = entries.get(node);
        if (entry == null) {
            return null;
        }
        for (String part : entry.split(",")) {
            if (part.startsWith("path=")) {
                return part.substring(5);
            }
        }
        return null;
    }
}

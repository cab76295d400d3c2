package io.rigplane.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A cluster-wide PCI mapping ({@code /cluster/mapping/pci}): one id, any number of devices per node.
 * Like Proxmox, a start takes the first device of the VM's node that no running VM uses.
 */
final class PciMapping {
    final String id;
    String description;
    /** Full map entries in order ({@code node=srv02,path=0000:01:00,id=10de:2484,iommugroup=14}). */
    final List<String> entries = new ArrayList<>();

    PciMapping(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The device paths on a node, in map order: the alternatives a start chooses from. */
    List<String> pathsOn(String node) {
        List<String> paths = new ArrayList<>();
        for (String entry : entries) {
            if (node.equals(field(entry, "node"))) {
                String path = field(entry, "path");
                if (path != null) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    boolean reaches(String node) {
        return !pathsOn(node).isEmpty();
    }

    static String field(String entry, String key) {
        for (String part : entry.split(",")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }
}

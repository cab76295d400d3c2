package io.rigplane.power.internal;

import io.rigplane.proxmox.PciMapping;
import io.rigplane.proxmox.ProxmoxClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The devices of a cluster PCI mapping, per node, read from Proxmox ({@code /cluster/mapping/pci}):
 * a mapping's capacity is its devices, and Proxmox starts a VM on the first free one of its node.
 */
@Component
public class GpuDevices {

    /** The mapping's devices by node, in map order; empty when the cluster has no such mapping. */
    public Map<String, List<GpuKey>> of(ProxmoxClient client, String mapping) {
        Map<String, List<GpuKey>> byNode = new LinkedHashMap<>();
        for (PciMapping m : client.pciMappings()) {
            if (m.id().equals(mapping)) {
                m.map().forEach(entry -> {
                    List<GpuKey> devices = byNode.computeIfAbsent(entry.node(), node -> new ArrayList<>());
                    // the first device of a node is what a claim from before per-device claims meant
                    devices.add(new GpuKey(client.clusterId(), entry.node(), mapping, entry.path(),
                            devices.isEmpty() ? GpuKey.legacyDevice(mapping) : null));
                });
            }
        }
        return byNode;
    }

    /** Every mapping's devices on every node: what the node list shows. */
    public List<GpuKey> all(ProxmoxClient client) {
        List<GpuKey> devices = new ArrayList<>();
        for (PciMapping m : client.pciMappings()) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            m.map().forEach(entry -> devices.add(new GpuKey(client.clusterId(), entry.node(), m.id(), entry.path(),
                    seen.merge(entry.node(), 1, Integer::sum) == 1 ? GpuKey.legacyDevice(m.id()) : null)));
        }
        return devices;
    }
}

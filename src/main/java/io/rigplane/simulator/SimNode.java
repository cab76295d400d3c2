package io.rigplane.simulator;

import java.util.ArrayList;
import java.util.List;

/** A cluster node with its hardware, storages and Wake-on-LAN MAC. */
final class SimNode {
    final String name;
    final int cores;
    final long memoryBytes;
    final List<String> storages;
    final List<PciDevice> pciDevices = new ArrayList<>();
    String wakeOnLanMac;
    String description;
    boolean online = true;
    long bootedAtMillis;

    SimNode(String name, int cores, long memoryBytes, List<String> storages, String wakeOnLanMac, long now) {
        this.name = name;
        this.cores = cores;
        this.memoryBytes = memoryBytes;
        this.storages = storages;
        this.wakeOnLanMac = wakeOnLanMac;
        this.bootedAtMillis = now;
    }

    /** A PCI function as {@code GET /nodes/{node}/hardware/pci} lists it. */
    record PciDevice(String id, String pciClass, String vendor, String device, String subsystemVendor,
                     String subsystemDevice, int iommuGroup, String vendorName, String deviceName) {
    }
}

package io.rigplane.proxmox.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A PCI device of a node ({@code GET /nodes/{node}/hardware/pci}). */
public record PciDevice(String id, @Nullable String pciClass, @Nullable String vendor, @Nullable String device,
        @Nullable String vendorName, @Nullable String deviceName, int iommuGroup, boolean mdev, Map<String, Object> extra) {

    public static PciDevice from(Fields f) {
        return new PciDevice(f.string("id", ""), f.string("class"), f.string("vendor"), f.string("device"),
                f.string("vendor_name"), f.string("device_name"), (int) f.longValue("iommugroup", -1), f.bool("mdev"),
                f.extra());
    }

    /** Display controllers (class 0x03xxxx): the GPUs. */
    public boolean isGpu() {
        return pciClass != null && pciClass.startsWith("0x03");
    }
}

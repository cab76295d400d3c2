package io.rigplane.profile.internal;

/** Proxmox's identifier syntaxes (pve-configid, pve-node, pve-tag, dns-name), as its schema checks them. */
public final class ProxmoxIds {

    /** Profile names: lowercase DNS labels, so that they are valid VM names and URL segments. */
    public static final String PROFILE_NAME = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";
    public static final String NODE = "^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$";
    /** pve-configid, used by storage ids and PCI mapping ids. */
    public static final String CONFIG_ID = "^[a-zA-Z][a-zA-Z0-9_-]+$";
    public static final String TAG = "^[a-zA-Z0-9_][a-zA-Z0-9_+.-]*$";
    public static final String BRIDGE = "^[a-zA-Z][a-zA-Z0-9_.-]{0,14}$";
    /** A unicast MAC: the low bit of the first octet clear. */
    public static final String UNICAST_MAC = "^[0-9A-Fa-f][02468aceACE](:[0-9A-Fa-f]{2}){5}$";
    public static final String NIC_MODEL = "^(e1000|e1000-82540em|e1000-82544gc|e1000-82545em|e1000e|i82551|i82557b"
            + "|i82559er|ne2k_isa|ne2k_pci|pcnet|rtl8139|virtio|vmxnet3)$";
    public static final String DISK_SLOT = "^(scsi([0-9]|[12][0-9]|30)|virtio([0-9]|1[0-5])|sata[0-5]|ide[0-3])$";

    private ProxmoxIds() {
    }
}

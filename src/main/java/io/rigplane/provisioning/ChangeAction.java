package io.rigplane.provisioning;

/** How a change is carried out against the Proxmox API. */
public enum ChangeAction {
    /** POST /nodes/{node}/qemu with the whole config. */
    CREATE,
    /** A key in POST …/config. */
    SET,
    /** A key in POST …/config's {@code delete}; never a disk. */
    DELETE,
    /** PUT …/resize: disks only grow. */
    RESIZE,
    /** Nothing is sent. */
    NONE
}

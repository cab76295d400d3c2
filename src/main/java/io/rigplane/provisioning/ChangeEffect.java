package io.rigplane.provisioning;

/** What applying a change does to the VM. */
public enum ChangeEffect {
    /** The VM does not exist yet: it is created with the whole config. */
    CREATE,
    /** Takes effect at once: the VM is stopped, or the change can be hot-plugged. */
    LIVE,
    /** Stored as pending by Proxmox; takes effect at the next stop/start or API reboot. */
    PENDING_RESTART,
    /** Proxmox applies it only to a stopped VM. */
    NEEDS_STOP,
    /** Never applied: it would destroy data. The reason says what to do instead. */
    REFUSED
}

package io.rigplane.provisioning;

import io.rigplane.proxmox.GuestInterface;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.VmStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A profile's VM as other modules act on it: where it is now (a VM may have moved to another node
 * of its cluster) and the client of its cluster, so that nobody looks the cluster up again. Get one
 * from {@link ProfileVms}; it is a snapshot of where the VM was when it was found.
 */
public record VmHandle(String profile, String cluster, String node, int vmid, ProxmoxClient client) {

    public VmStatus status() {
        return client.status(node, vmid);
    }

    /** Running or paused: the VM holds its devices either way. */
    public boolean running() {
        return status().running();
    }

    /** What the guest agent reports; {@link io.rigplane.proxmox.ProxmoxAgentException} when it does not answer. */
    public List<GuestInterface> guestInterfaces() {
        return client.guestInterfaces(node, vmid);
    }

    /** One key of the VM's config as Proxmox stores it, such as {@code net0}; null when it has none. */
    public @Nullable String configValue(String key) {
        return client.config(node, vmid).get(key);
    }
}

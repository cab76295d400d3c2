package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ClusterConnection;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The connection test, step by step, so the answer says which step failed. Permissions are probed
 * with the reads Rigplane needs (nodes, VMs, PCI mappings); writes cannot be probed without side effects.
 */
public final class ConnectionChecker {

    private final ProxmoxClient client;
    private final ClusterConnection connection;

    public ConnectionChecker(ProxmoxClient client, ClusterConnection connection) {
        this.client = client;
        this.connection = connection;
    }

    public ConnectionCheck check() {
        List<String> messages = new ArrayList<>();
        String version;
        try {
            version = client.version().version();
        } catch (ProxmoxAuthenticationException e) {
            messages.add("the server answers and its certificate matches, but it refused the token "
                    + connection.tokenId() + " (" + e.proxmoxStatus() + ")");
            return new ConnectionCheck(connection.id(), true, true, false, false, null, messages);
        } catch (ProxmoxException e) {
            return unreachable(e, messages);
        }
        boolean permitted = probe("Sys.Audit (GET /nodes)", client::nodes, messages)
                & probe("VM.Audit (GET /cluster/resources?type=vm)", client::vms, messages)
                & probe("Mapping.Audit (GET /cluster/mapping/pci)", client::pciMappings, messages);
        if (permitted) {
            messages.add("connected to Proxmox VE " + version + " as " + connection.tokenId());
        }
        return new ConnectionCheck(connection.id(), true, true, true, permitted, version, messages);
    }

    private ConnectionCheck unreachable(ProxmoxException e, List<String> messages) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("TLS handshake failed")) {
            boolean pinMismatch = text.contains("fingerprint");
            messages.add(pinMismatch ? "the server answers but its certificate does not match the pinned fingerprint: "
                    + text : "the server answers but its certificate is not trusted: " + text);
            return new ConnectionCheck(connection.id(), true, false, false, false, null, messages);
        }
        messages.add("cannot reach " + connection.url() + ": " + text);
        return new ConnectionCheck(connection.id(), false, false, false, false, null, messages);
    }

    private static boolean probe(String what, Supplier<@Nullable Object> read, List<String> messages) {
        try {
            read.get();
            return true;
        } catch (ProxmoxAuthenticationException e) {
            messages.add("the token lacks " + what + ": " + e.getMessage());
            return false;
        } catch (ProxmoxException e) {
            messages.add(what + " failed: " + e.getMessage());
            return false;
        }
    }
}

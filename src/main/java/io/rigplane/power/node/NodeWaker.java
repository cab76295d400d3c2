package io.rigplane.power.node;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationPhase;
import io.rigplane.power.NodeDidNotWake;
import io.rigplane.power.internal.PowerProperties;
import io.rigplane.proxmox.NodeSummary;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Wakes a sleeping node: through another online node of its cluster ({@code POST
 * /nodes/{node}/wakeonlan}, which uses the MAC in the node's config), otherwise with Rigplane's own
 * magic packet to the MAC stored for the node; then waits until the cluster lists it online.
 */
@Component
@EnableConfigurationProperties(PowerProperties.class)
public class NodeWaker {

    private final NodeWakeSettings settings;
    private final PowerProperties properties;
    private final NodeWakeTimes times;
    @Autowired
    private ApplicationEventPublisher events;

    NodeWaker(NodeWakeSettings settings, PowerProperties properties, NodeWakeTimes times) {
        this.settings = settings;
        this.properties = properties;
        this.times = times;
    }

    /**
     * Wakes the node if it is not online, recording each step; returns at once, false, for an online
     * node. A handler that yields gives its thread back while the node boots, and carries on in the
     * same steps: a node seen online in such a replay still finishes the wait it began.
     */
    public boolean ensureOnline(OperationContext context, ProxmoxClient client, String node) throws Exception {
        String waitStep = "wait for node " + node;
        if (!context.begun(waitStep) && online(client, node)) {
            return false;
        }
        context.phase(OperationPhase.WAKING_NODE);
        context.step("wake node " + node, () -> wake(client, node));
        context.step(waitStep, () -> awaitOnline(context, client, node));
        return true;
    }

    String wake(ProxmoxClient client, String node) throws Exception {
        times.packetSent(client.clusterId(), node);
        Optional<String> sender = others(client, node);
        if (sender.isPresent()) {
            try {
                client.wakeOnLan(node);
                return "magic packet sent by the cluster (node " + sender.get() + " is online)";
            } catch (ProxmoxException e) {
                // e.g. no MAC in the node's config: Rigplane's own packet may still reach it
                if (settings.find(client.clusterId(), node).isEmpty()) {
                    throw e;
                }
            }
        }
        WakeOnLan wol = settings.find(client.clusterId(), node).orElseThrow(() -> didNotWake(node, new NodeDidNotWakeException(
                "No other node of the cluster is online to wake " + node + ", and Rigplane knows no Wake-on-LAN MAC"
                        + " for it: PUT /api/v1/nodes/" + node + "/wake-on-lan")));
        String broadcast = wol.broadcast() == null ? properties.wakeOnLanBroadcast() : wol.broadcast();
        int port = wol.port() == null ? properties.wakeOnLanPort() : wol.port();
        MagicPacket.send(wol.mac(), broadcast, port);
        return "magic packet for " + wol.mac() + " sent by Rigplane to " + broadcast + ":" + port;
    }

    String awaitOnline(OperationContext context, ProxmoxClient client, String node) throws Exception {
        return context.await(properties.nodeWakeTimeout(), properties.nodePollInterval(),
                () -> {
                    if (!online(client, node)) {
                        return null;
                    }
                    times.cameOnline(client.clusterId(), node);
                    return "online";
                },
                () -> didNotWake(node, new NodeDidNotWakeException("Node " + node + " did not come online within "
                        + properties.nodeWakeTimeout().toSeconds() + " s after its magic packet; check its Wake-on-LAN"
                        + " setting (BIOS and NIC) and the MAC")));
    }

    private NodeDidNotWakeException didNotWake(String node, NodeDidNotWakeException failure) {
        events.publishEvent(new NodeDidNotWake(node, failure.getMessage()));
        return failure;
    }

    static boolean online(ProxmoxClient client, String node) {
        try {
            return client.nodes().stream().anyMatch(n -> n.node().equals(node) && n.online());
        } catch (ProxmoxException e) {
            return false;
        }
    }

    private static Optional<String> others(ProxmoxClient client, String node) {
        try {
            List<NodeSummary> nodes = client.nodes();
            return nodes.stream().filter(n -> n.online() && !n.node().equals(node)).map(NodeSummary::node).findFirst();
        } catch (ProxmoxException e) {
            // a cluster whose API answers on no node: only Rigplane's own packet can help
            return Optional.empty();
        }
    }
}

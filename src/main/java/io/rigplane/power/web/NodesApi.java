package io.rigplane.power.web;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.CurrentActor;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.power.internal.PowerProperties;
import io.rigplane.power.internal.PowerReadings;
import io.rigplane.power.internal.PowerTargets;
import io.rigplane.power.node.BroadcastRule;
import io.rigplane.power.node.MagicPacket;
import io.rigplane.power.node.NodeNotFoundException;
import io.rigplane.power.node.NodeView;
import io.rigplane.power.node.NodeWakeSettings;
import io.rigplane.power.node.WakeHandler;
import io.rigplane.power.node.WakeOnLan;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/nodes")
@Tag(name = "Nodes", description = "Proxmox nodes: state, load, GPU occupancy, waking a sleeping node")
class NodesApi {

    private static final Pattern NODE = Pattern.compile("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$");
    private static final Pattern CLUSTER = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_-]{0,62}$");

    private final PowerReadings readings;
    private final PowerTargets targets;
    private final Operations operations;
    private final NodeWakeSettings wake;
    private final CurrentActor actor;
    private final AuditTrail audit;

    private final BroadcastRule broadcasts;
    private final PowerProperties properties;

    NodesApi(PowerReadings readings, PowerTargets targets, Operations operations, NodeWakeSettings wake,
            CurrentActor actor, AuditTrail audit, PowerProperties properties) {
        this.broadcasts = new BroadcastRule(properties.wakeOnLanAllowedBroadcasts());
        this.properties = properties;
        this.audit = audit;
        this.readings = readings;
        this.targets = targets;
        this.operations = operations;
        this.wake = wake;
        this.actor = actor;
    }

    @GetMapping
    @Operation(summary = "Nodes with state, CPU, memory and GPUs (which profile holds each)")
    List<NodeView> nodes(@RequestParam(required = false) @Nullable String cluster) {
        checkCluster(cluster);
        return readings.nodes(cluster);
    }

    @PostMapping("/{node}/wake")
    @Operation(summary = "Wake the node and wait until it answers: 202 with the operation",
            description = "Through another online node of the cluster, otherwise with Rigplane's own magic packet"
                    + " (PUT …/wake-on-lan first).")
    ResponseEntity<OperationView> wake(@PathVariable String node, @RequestParam(required = false) @Nullable String cluster,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        ProxmoxClient client = existing(cluster, node);
        OperationView operation = operations.submit(new OperationRequest(WakeHandler.KIND,
                WakeHandler.target(client.clusterId(), node),
                Map.of(WakeHandler.CLUSTER, client.clusterId(), WakeHandler.NODE, node), actor.get(), idempotencyKey));
        return PowerApi.accepted(operation);
    }

    @PutMapping("/{node}/wake-on-lan")
    @Operation(summary = "Set the MAC, broadcast address and UDP port of the node's magic packet",
            description = "Used when no other node of the cluster is online to wake it. The broadcast address must "
                    + "be an IP address: 255.255.255.255 or a private one (RFC 1918, link-local, IPv6 unique-local), "
                    + "or in a range the operator allows (rigplane.power.wake-on-lan-allowed-broadcasts); 400 otherwise.")
    WakeOnLan setWakeOnLan(@PathVariable String node, @RequestParam(required = false) @Nullable String cluster,
            @RequestBody WakeOnLan body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.mac() == null || !body.mac().matches(MagicPacket.MAC)) {
            errors.add(new FieldError("mac", "must be a MAC address like AA:BB:CC:DD:EE:01"));
        }
        String refused = body.broadcast() == null ? null : broadcasts.refusal(body.broadcast());
        if (refused != null) {
            errors.add(new FieldError("broadcast", refused));
        }
        if (body.port() != null && (body.port() < 1 || body.port() > 65535)) {
            errors.add(new FieldError("port", "must be between 1 and 65535"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ProxmoxClient client = existing(cluster, node);
        // left out: the defaults (the columns need a value; a missing one was taken for a conflict)
        WakeOnLan saved = new WakeOnLan(body.mac().toUpperCase(java.util.Locale.ROOT).replace('-', ':'),
                body.broadcast() != null ? body.broadcast() : properties.wakeOnLanBroadcast(),
                body.port() != null ? body.port() : properties.wakeOnLanPort());
        wake.save(client.clusterId(), node, saved);
        audit.record(actor.get(), "node.wake-on-lan", "node:" + client.clusterId() + "/" + node, AuditOutcome.SUCCESS,
                "MAC " + saved.mac() + (saved.broadcast() == null ? "" : " via " + saved.broadcast())
                        + (saved.port() == null ? "" : ":" + saved.port()));
        return saved;
    }

    private ProxmoxClient existing(@Nullable String cluster, String node) {
        checkCluster(cluster);
        if (!NODE.matcher(node).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("node", "must be a Proxmox node name")));
        }
        ProxmoxClient client = targets.client(cluster);
        if (client.nodes().stream().noneMatch(n -> n.node().equals(node))) {
            throw new NodeNotFoundException(client.clusterId(), node);
        }
        return client;
    }

    private static void checkCluster(@Nullable String cluster) {
        if (cluster != null && !CLUSTER.matcher(cluster).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("cluster", "must be a cluster id")));
        }
    }
}

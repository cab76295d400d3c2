package io.rigplane.power.internal;

import io.rigplane.power.Placement;
import io.rigplane.power.node.NodeWakeTimes;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.NodeSummary;
import io.rigplane.proxmox.ProxmoxClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which nodes can run a profile's VM now, most preferred first: the node the VM is on, then awake
 * nodes, then sleeping ones by how fast they woke last time. A node fits when it is one the profile
 * allows, has a device of the profile's GPU mapping and the memory and cores the VM needs. A running
 * VM, or one of a profile that names its node, stays where it is. Whether a device is free is for
 * the claims to say, atomically.
 */
@Component
public class NodePlacer {

    private static final long MIB = 1L << 20;

    private final GpuDevices gpus;
    private final NodeWakeTimes wakeTimes;

    NodePlacer(GpuDevices gpus, NodeWakeTimes wakeTimes) {
        this.gpus = gpus;
        this.wakeTimes = wakeTimes;
    }

    /** A node that fits, with the devices the VM may take there and why it is preferred. */
    public record Candidate(String node, List<GpuKey> devices, String why, int tier, @Nullable Duration wake) {
    }

    /** The nodes that fit, in order of preference, and those that do not with the reason. */
    public record Options(List<Candidate> fit, List<Placement.Alternative> unfit) {
    }

    public Options options(ProfileSpec spec, VmHandle vm, boolean running) {
        ProxmoxClient client = vm.client();
        Map<String, List<GpuKey>> devices = spec.gpu() == null ? Map.of() : gpus.of(client, spec.gpu());
        List<NodeSummary> nodes = client.nodes();
        List<Candidate> fit = new ArrayList<>();
        List<Placement.Alternative> unfit = new ArrayList<>();
        if (running || !spec.placed()) {
            String why = running ? "the VM runs on " + vm.node() + ": a running VM is never migrated"
                    : "the profile keeps its VM on its node";
            for (NodeSummary n : nodes) {
                if (!n.node().equals(vm.node())) {
                    unfit.add(new Placement.Alternative(n.node(), why));
                }
            }
            List<GpuKey> here = devices.getOrDefault(vm.node(), List.of());
            if (spec.gpu() != null && here.isEmpty() && !running) {
                unfit.add(0, new Placement.Alternative(vm.node(), noDevice(spec.gpu())));
            } else {
                fit.add(new Candidate(vm.node(), here, why, 0, null));
            }
            return new Options(fit, unfit);
        }
        Set<String> allowed = new LinkedHashSet<>(!spec.nodes().isEmpty() ? spec.nodes()
                : spec.gpu() != null ? devices.keySet() : nodes.stream().map(NodeSummary::node).toList());
        Map<String, Duration> wakes = wakeTimes.of(vm.cluster());
        for (NodeSummary n : nodes) {
            String node = n.node();
            allowed.remove(node);
            List<GpuKey> here = devices.getOrDefault(node, List.of());
            String why = unfitBecause(spec, n, here, !spec.nodes().isEmpty() && !spec.nodes().contains(node));
            if (why != null) {
                unfit.add(new Placement.Alternative(node, why));
            } else if (node.equals(vm.node())) {
                fit.add(new Candidate(node, here, "the VM is on " + node, 0, null));
            } else if (n.online()) {
                fit.add(new Candidate(node, here, node + " is awake", 1, null));
            } else {
                Duration wake = wakes.get(node);
                fit.add(new Candidate(node, here, node + " is asleep and " + (wake == null
                        ? "has not been woken by Rigplane yet" : "woke in " + wake.toSeconds() + " s last time"), 2, wake));
            }
        }
        allowed.forEach(node -> unfit.add(new Placement.Alternative(node, "not a node of the cluster")));
        fit.sort(Comparator.comparingInt(Candidate::tier)
                .thenComparing(c -> c.wake() == null ? Duration.ofDays(365) : c.wake())
                .thenComparing(Candidate::node));
        return new Options(fit, unfit);
    }

    private static @Nullable String unfitBecause(ProfileSpec spec, NodeSummary n, List<GpuKey> devices,
            boolean notListed) {
        if (notListed) {
            return "not among the profile's nodes";
        }
        if (spec.gpu() != null && devices.isEmpty()) {
            return noDevice(spec.gpu());
        }
        if (!n.online() && !n.status().equals("offline")) {
            return "Proxmox does not know whether it is up (status " + n.status() + ")";
        }
        if (n.maxcpu() > 0 && n.maxcpu() < spec.cores()) {
            return "has " + n.maxcpu() + " cores, the VM needs " + spec.cores();
        }
        long need = spec.memoryMiB() * MIB;
        if (n.maxmem() > 0) {
            long free = n.online() ? n.maxmem() - n.mem() : n.maxmem();
            if (free < need) {
                return (n.online() ? "has " + free / MIB + " MiB of memory free" : "has " + free / MIB + " MiB of memory")
                        + ", the VM needs " + spec.memoryMiB() + " MiB";
            }
        }
        return null;
    }

    private static String noDevice(String mapping) {
        return "the PCI mapping " + mapping + " has no device there";
    }
}

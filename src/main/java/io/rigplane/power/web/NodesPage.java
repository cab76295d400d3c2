package io.rigplane.power.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.power.internal.PowerReadings;
import io.rigplane.power.internal.PowerTargets;
import io.rigplane.power.node.NodeNotFoundException;
import io.rigplane.power.node.WakeHandler;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.system.DashboardPage;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's nodes of the default cluster: state, load, GPUs and who holds them, and Wake. */
@Controller
class NodesPage implements DashboardPage {

    private static final Pattern NODE = Pattern.compile("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$");

    private final PowerReadings readings;
    private final PowerTargets targets;
    private final Operations operations;
    private final CurrentActor actor;

    NodesPage(PowerReadings readings, PowerTargets targets, Operations operations, CurrentActor actor) {
        this.readings = readings;
        this.targets = targets;
        this.operations = operations;
        this.actor = actor;
    }

    @GetMapping("/nodes")
    String nodes(Model model) {
        try {
            model.addAttribute("nodes", readings.nodes(null));
        } catch (ProxmoxException e) {
            model.addAttribute("nodesError", e.getMessage());
        }
        return "power/nodes";
    }

    @PostMapping("/nodes/{node}/wake")
    String wake(@PathVariable String node, RedirectAttributes redirect) {
        ProxmoxClient client = targets.client((String) null);
        if (!NODE.matcher(node).matches() || client.nodes().stream().noneMatch(n -> n.node().equals(node))) {
            throw new NodeNotFoundException(client.clusterId(), node);
        }
        try {
            OperationView operation = operations.submit(new OperationRequest(WakeHandler.KIND,
                    WakeHandler.target(client.clusterId(), node),
                    Map.of(WakeHandler.CLUSTER, client.clusterId(), WakeHandler.NODE, node), actor.get(), null));
            return "redirect:/operations/" + operation.id();
        } catch (OperationConflictException e) {
            redirect.addFlashAttribute("message", "Node " + node + " is already being woken.");
            return "redirect:/operations/" + e.running();
        }
    }
}

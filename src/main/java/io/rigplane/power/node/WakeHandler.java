package io.rigplane.power.node;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import io.rigplane.power.internal.PowerTargets;
import io.rigplane.proxmox.ProxmoxClient;
import org.springframework.stereotype.Component;

/** Wakes one node and waits until it answers; an online node is left alone. */
@Component
public class WakeHandler implements OperationHandler {

    public static final String KIND = "node-wake";
    public static final String CLUSTER = "cluster";
    public static final String NODE = "node";

    private final PowerTargets targets;
    private final NodeWaker waker;

    WakeHandler(PowerTargets targets, NodeWaker waker) {
        this.targets = targets;
        this.waker = waker;
    }

    /** Operations on a node get a target that no profile name can be (profile names have no colon). */
    public static String target(String cluster, String node) {
        return "node:" + cluster + "/" + node;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String execute(OperationContext context) throws Exception {
        ProxmoxClient client = targets.client(context.params().get(CLUSTER));
        String node = context.params().get(NODE);
        if (!waker.ensureOnline(context, client, node)) {
            context.skipped("wake node " + node, "already online");
            return "Node " + node + " was already online";
        }
        return "Node " + node + " is online";
    }

    /** A node's boot takes minutes at worst: no Quartz thread waits through it. */
    @Override
    public boolean yieldsWhileWaiting() {
        return true;
    }
}

package io.rigplane.power.node;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** No node of this name in the cluster. */
public class NodeNotFoundException extends ProblemException {

    public NodeNotFoundException(String cluster, String node) {
        super(HttpStatus.NOT_FOUND, "node-not-found", "Node not found",
                "Cluster '" + cluster + "' has no node '" + node + "'");
    }
}

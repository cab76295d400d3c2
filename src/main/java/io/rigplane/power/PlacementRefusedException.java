package io.rigplane.power;

import io.rigplane.system.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No node can take the profile's VM now: each node with the reason it cannot. */
public class PlacementRefusedException extends ProblemException {

    private final List<Placement.Alternative> nodes;

    PlacementRefusedException(String profile, List<Placement.Alternative> nodes) {
        super(HttpStatus.CONFLICT, "no-node-fits", "No node can run the VM",
                "No node can run the VM of profile '" + profile + "' now: " + String.join("; ",
                        nodes.stream().map(n -> n.node() + ": " + n.reason()).toList()));
        this.nodes = List.copyOf(nodes);
    }

    public List<Placement.Alternative> nodes() {
        return nodes;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("nodes", nodes);
    }
}

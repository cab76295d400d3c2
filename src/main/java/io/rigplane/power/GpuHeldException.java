package io.rigplane.power;

import io.rigplane.power.internal.GpuKey;
import io.rigplane.system.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Every device the profile's VM could use is held by other profiles' VMs, and the profile's policy is
 * to refuse. Names the holder of the device it would have liked best, and why each node was not chosen.
 */
public class GpuHeldException extends ProblemException {

    private final GpuKey gpu;
    private final String holder;
    private final List<Placement.Alternative> nodes;

    GpuHeldException(GpuKey gpu, String holder, String why, List<Placement.Alternative> nodes) {
        super(HttpStatus.CONFLICT, "gpu-held", "GPU held by another profile",
                "GPU " + gpu + " is held by profile '" + holder + "'" + why + (nodes.size() > 1
                        ? " (" + String.join("; ", nodes.stream().map(n -> n.node() + ": " + n.reason()).toList()) + ")"
                        : ""));
        this.gpu = gpu;
        this.holder = holder;
        this.nodes = List.copyOf(nodes);
    }

    public String holder() {
        return holder;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("holder", holder, "gpu", gpu.mapping(), "node", gpu.node(), "device", gpu.device(),
                "nodes", nodes);
    }
}

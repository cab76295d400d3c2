package io.rigplane.power;

import io.rigplane.power.internal.GpuKey;
import io.rigplane.system.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The profile's GPU is held by another profile's VM, and the profile's policy is to refuse. */
public class GpuHeldException extends ProblemException {

    private final GpuKey gpu;
    private final String holder;

    GpuHeldException(GpuKey gpu, String holder, String why) {
        super(HttpStatus.CONFLICT, "gpu-held", "GPU held by another profile",
                "GPU " + gpu + " is held by profile '" + holder + "'" + why);
        this.gpu = gpu;
        this.holder = holder;
    }

    public String holder() {
        return holder;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("holder", holder, "gpu", gpu.mapping(), "node", gpu.node());
    }
}

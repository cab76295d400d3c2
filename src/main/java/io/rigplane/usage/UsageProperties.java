package io.rigplane.usage;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rigplane.usage.*}: what a node draws, in watts, while a profile's VM runs on it, by node name
 * ({@code rigplane.usage.watts.srv02=180}, or {@code RIGPLANE_USAGE_WATTS_SRV02=180}). A node
 * without a figure gets no kWh: an invented default would read like a measurement.
 */
@ConfigurationProperties("rigplane.usage")
record UsageProperties(@Nullable Map<String, Double> watts) {

    @Nullable Double wattsOf(String node) {
        return watts == null ? null : watts.get(node);
    }
}

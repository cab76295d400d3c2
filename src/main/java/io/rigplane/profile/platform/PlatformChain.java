package io.rigplane.profile.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A platform and those it extends, from the top (the profile's platform) down. When the bottom
 * one is rendered by code ({@code windows-11-gaming}), {@code root} is that code; the layers
 * above it are data.
 */
public record PlatformChain(List<PlatformDefinition> layers, @Nullable Platform root) {

    public String id() {
        return layers.get(0).id();
    }

    public boolean isAsIs() {
        return id().equals(BuiltInPlatforms.AS_IS);
    }

    /** The layers whose settings rendering applies, bottom first: all but a coded root. */
    public List<PlatformDefinition> dataLayersBottomUp() {
        List<PlatformDefinition> data = new ArrayList<>(layers);
        if (root != null) {
            data.remove(data.size() - 1);
        }
        java.util.Collections.reverse(data);
        return data;
    }

    /** Every key a layer sets, with the value and the id of the highest layer that sets it. */
    Map<String, Sourced> settings() {
        Map<String, Sourced> merged = new LinkedHashMap<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            PlatformDefinition layer = layers.get(i);
            layer.settings().forEach((key, value) -> merged.put(key, new Sourced(value, layer.id())));
            if (layer.osType() != null) {
                merged.put("ostype", new Sourced(layer.osType(), layer.id()));
            }
        }
        return merged;
    }

    public @Nullable String streamHost() {
        return layers.stream().map(PlatformDefinition::streamHost).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
    }

    public List<String> ids() {
        return layers.stream().map(PlatformDefinition::id).toList();
    }

    /** A value and the layer that set it. */
    record Sourced(String value, String source) {
    }
}

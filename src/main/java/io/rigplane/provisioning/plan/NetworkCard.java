package io.rigplane.provisioning.plan;

import io.rigplane.proxmox.PropertyString;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A {@code netN} value: the model names its own key ({@code virtio=BC:24:11:…}), then options. */
public record NetworkCard(String model, @Nullable String mac, Map<String, String> options) {

    private static final java.util.Set<String> MODELS = java.util.Set.of("virtio", "e1000", "e1000e", "rtl8139",
            "vmxnet3", "i82551", "i82557b", "i82559er", "ne2k_isa", "ne2k_pci", "pcnet", "e1000-82540em",
            "e1000-82544gc", "e1000-82545em");

    public static NetworkCard parse(String value) {
        PropertyString parsed = PropertyString.parse(value);
        Map<String, String> options = new java.util.TreeMap<>(parsed.options());
        if (parsed.head() != null) {
            return new NetworkCard(parsed.head(), null, options);
        }
        String model = options.keySet().stream().filter(MODELS::contains).findFirst()
                .orElse(options.getOrDefault("model", "virtio"));
        String mac = options.remove(model);
        options.remove("model");
        return new NetworkCard(model, mac == null ? options.remove("macaddr") : mac, options);
    }
}

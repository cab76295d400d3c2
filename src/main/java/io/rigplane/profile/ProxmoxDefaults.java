package io.rigplane.profile;

import io.rigplane.profile.internal.QemuSchema;
import java.util.Optional;

/** What Proxmox uses for a VM config key that a VM's config leaves out, where its schema says. */
public final class ProxmoxDefaults {

    private ProxmoxDefaults() {
    }

    public static Optional<String> of(String key) {
        return QemuSchema.defaultValue(key);
    }
}

package io.rigplane.profile;

import io.rigplane.system.FieldError;
import java.util.List;
import java.util.Map;

/**
 * How far each profile's VM is from the platforms it could move to. The profile page shows it;
 * the module that compares profiles with Proxmox provides it, so this module never depends on
 * Proxmox.
 */
public interface PlatformFit {

    /** One row per platform; empty when nothing can tell. */
    List<Row> of(String profile);

    /**
     * One platform: whether the profile can move onto it, how many keys that changes, how many of
     * each effect (LIVE, PENDING_RESTART, NEEDS_STOP, REFUSED), which keys, or why it cannot move.
     */
    record Row(String platform, boolean movable, int keys, Map<String, Integer> effects, List<String> changedKeys,
            List<FieldError> problems) {
    }

    PlatformFit NONE = profile -> List.of();
}

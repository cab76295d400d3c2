package io.rigplane.simulator;

import java.util.List;
import java.util.Map;

/**
 * The options only {@code root@pam} with a password may use. API tokens (even root's) are refused
 * with 403, as Proxmox VE does; that is why Rigplane must pass GPUs through cluster mappings.
 */
final class RootOnly {

    private RootOnly() {
    }

    static void check(ApiRequest request) {
        if (request.caller().isRootWithPassword()) {
            return;
        }
        for (Map.Entry<String, List<String>> e : request.params().entrySet()) {
            String key = e.getKey();
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            if (key.equals("skiplock")) {
                throw PveError.forbidden("Permission check failed (Only root may use this option.)");
            }
            if (key.equals("args")) {
                throw PveError.forbidden("Permission check failed (only root can set 'args' config)");
            }
            if (key.matches("hostpci\\d+")) {
                Map<String, String> pci = VmKeys.HOSTPCI.parse(value);
                if (pci.containsKey("romfile")) {
                    throw PveError.forbidden("Permission check failed (only root can set 'romfile' config for '" + key + "')");
                }
                if (!pci.containsKey("mapping")) {
                    throw PveError.forbidden("Permission check failed (only root can set '" + key
                            + "' config for non-mapped devices)");
                }
            }
        }
    }
}

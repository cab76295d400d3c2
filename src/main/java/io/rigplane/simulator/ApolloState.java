package io.rigplane.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Apollo keeps in its state file: host identity, paired clients with permissions, the one
 * admin session, the pending one-time pairing code and the running app. Survives VM restarts.
 */
final class ApolloState {
    /** Apollo's PERM bits: list 0x1000000, view 0x2000000, launch 0x4000000; new clients get list|view. */
    static final long PERM_LIST = 0x1000000L;
    static final long PERM_VIEW = 0x2000000L;
    static final long PERM_LAUNCH = 0x4000000L;
    static final long PERM_DEFAULT = PERM_LIST | PERM_VIEW;
    static final long OTP_VALIDITY_MILLIS = 180_000;

    final String uniqueId;
    final String hostname;
    final Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
    final List<Map<String, Object>> apps = new ArrayList<>();
    String session;
    String otpPin;
    String otpPassphrase;
    String otpDeviceName;
    long otpExpiresAtMillis;
    String currentApp = "";

    ApolloState(String uniqueId, String hostname, String desktopUuid, String steamUuid) {
        this.uniqueId = uniqueId;
        this.hostname = hostname;
        apps.add(app("Desktop", desktopUuid));
        apps.add(app("Steam Big Picture", steamUuid));
    }

    private static Map<String, Object> app(String name, String uuid) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("uuid", uuid);
        a.put("image-path", name.startsWith("Steam") ? "steam.png" : "desktop.png");
        a.put("exclude-global-prep-cmd", false);
        a.put("virtual-display", false);
        return a;
    }

    /** A client as /api/clients/list shows it; update replaces every one of these fields. */
    static Map<String, Object> newClient(String name, String uuid) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("uuid", uuid);
        c.put("display_mode", "");
        c.put("perm", PERM_DEFAULT);
        c.put("connected", false);
        c.put("do", new ArrayList<>());
        c.put("undo", new ArrayList<>());
        c.put("enable_legacy_ordering", true);
        c.put("allow_client_commands", true);
        c.put("always_use_virtual_display", false);
        return c;
    }

    boolean hasPerm(Map<String, Object> client, long perm) {
        return (((Number) client.get("perm")).longValue() & perm) == perm;
    }
}

package io.rigplane.simulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API token ({@code Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET}) and ticket authentication
 * (cookie {@code PVEAuthCookie}, plus header {@code CSRFPreventionToken} on every non-GET call).
 */
final class Auth {
    static final String CLUSTER_NAME = "rigplane-sim";
    private static final long TICKET_LIFETIME_MILLIS = 2 * 3600 * 1000L;

    private final SimulatorSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    private record Ticket(String user, String csrf, long expiresAtMillis) {
    }

    Auth(SimulatorSettings settings) {
        this.settings = settings;
    }

    Caller authenticate(HttpCall call) {
        String header = call.header("authorization");
        if (header != null && header.startsWith("PVEAPIToken")) {
            String value = header.substring("PVEAPIToken".length()).replaceFirst("^[=\\s]+", "").trim();
            int bang = value.indexOf('!');
            int eq = value.indexOf('=');
            if (bang < 0 || eq < bang) {
                throw new PveError(401, "invalid API token format", null);
            }
            String user = value.substring(0, bang);
            String tokenId = value.substring(bang + 1, eq);
            if (!user.equals(settings.tokenUser()) || !tokenId.equals(settings.tokenId())) {
                throw new PveError(401, "no such token '" + tokenId + "' for user '" + user + "'", null);
            }
            if (!constantTimeEquals(value.substring(eq + 1), settings.tokenSecret())) {
                throw new PveError(401, "invalid token value!", null);
            }
            return new Caller(user, tokenId);
        }
        String ticket = call.cookie("PVEAuthCookie");
        if (ticket == null) {
            throw new PveError(401, "No ticket", null);
        }
        Ticket t = tickets.get(ticket);
        if (t == null || t.expiresAtMillis < System.currentTimeMillis()) {
            throw new PveError(401, "invalid PVE ticket", null);
        }
        if (!call.method().equals("GET") && !t.csrf.equals(call.header("csrfpreventiontoken"))) {
            throw new PveError(401, "Permission denied - invalid csrf token", null);
        }
        return new Caller(t.user, null);
    }

    /** POST /access/ticket: only root@pam (or root with realm pam) and the configured password. */
    Map<String, Object> login(String username, String realm, String password) {
        String user = username.contains("@") ? username : username + "@" + (realm == null ? "pam" : realm);
        if (!user.equals("root@pam") || !constantTimeEquals(password, settings.rootPassword())) {
            throw new PveError(401, "authentication failure", null);
        }
        long now = System.currentTimeMillis();
        String stamp = String.format(Locale.ROOT, "%08X", now / 1000);
        String ticket = "PVE:" + user + ":" + stamp + "::" + randomBase64(256);
        String csrf = stamp + ":" + randomBase64(32).substring(0, 43);
        tickets.put(ticket, new Ticket(user, csrf, now + TICKET_LIFETIME_MILLIS));
        return Map.of("username", user, "ticket", ticket, "CSRFPreventionToken", csrf, "clustername", CLUSTER_NAME,
                "cap", Map.of("vms", Map.of("VM.PowerMgmt", 1, "VM.Config.HWType", 1, "VM.Audit", 1)));
    }

    /** Holds a failed authentication back, like pveproxy's about 3 s. */
    void delayFailure() {
        long millis = settings.authFailureDelay().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void clear() {
        tickets.clear();
    }

    private String randomBase64(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

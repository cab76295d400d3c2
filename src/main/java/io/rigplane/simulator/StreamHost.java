package io.rigplane.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * An Apollo stream host inside one VM: GameStream HTTP {@code /serverinfo} on the first port and the
 * HTTPS config API ({@code /api/...}) on the next, bound to the VM's own loopback address.
 */
final class StreamHost implements AutoCloseable {
    private final HttpListener http;
    private final HttpListener https;
    private final ApolloState state;
    private final String ip;
    private final Supplier<String> mac;
    private final String user;
    private final String password;

    StreamHost(String ip, int portBase, SSLContext tls, ExecutorService executor, ApolloState state,
               Supplier<String> mac, String user, String password) throws IOException {
        this.state = state;
        this.mac = mac;
        this.user = user;
        this.password = password;
        InetAddress address = InetAddress.getByName(ip);
        HttpListener h = null;
        HttpListener s;
        try {
            h = new HttpListener(address, portBase, null, executor, this::gameStream, "apollo-http");
            s = new HttpListener(address, portBase == 0 ? 0 : portBase + 1, tls, executor, this::configApi, "apollo-api");
        } catch (IOException e) {
            if (h != null) {
                h.close();
            }
            throw e;
        }
        this.http = h;
        this.https = s;
        this.ip = ip;
    }

    String ip() {
        return ip;
    }

    int httpPort() {
        return http.port();
    }

    int apiPort() {
        return https.port();
    }

    private HttpReply gameStream(HttpCall call) {
        if (!call.rawPath().equals("/serverinfo")) {
            return HttpReply.of(404, "Not Found", "application/xml",
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root status_code=\"404\" status_message=\"Not Found\"/>");
        }
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root status_code=\"200\">");
        el(x, "hostname", state.hostname);
        el(x, "appversion", "7.1.431.-1");
        el(x, "GfeVersion", "3.23.0.74");
        el(x, "uniqueid", state.uniqueId);
        el(x, "HttpsPort", String.valueOf(Math.max(1, httpPort() - 5)));
        el(x, "ExternalPort", String.valueOf(httpPort()));
        el(x, "MaxLumaPixelsHEVC", "1869449984");
        el(x, "mac", mac.get());
        el(x, "LocalIP", ip);
        el(x, "ServerCodecModeSupport", "3843");
        x.append("<SupportedDisplayMode>");
        for (int[] mode : new int[][] {{1920, 1080, 60}, {2560, 1440, 120}, {3840, 2160, 60}}) {
            x.append("<DisplayMode><Width>").append(mode[0]).append("</Width><Height>").append(mode[1])
                    .append("</Height><RefreshRate>").append(mode[2]).append("</RefreshRate></DisplayMode>");
        }
        x.append("</SupportedDisplayMode>");
        // unpaired over plain HTTP Apollo never reveals pairing or the running game
        el(x, "PairStatus", "0");
        el(x, "currentgame", "0");
        el(x, "state", "SUNSHINE_SERVER_FREE");
        x.append("</root>");
        return HttpReply.of(200, "OK", "application/xml", x.toString());
    }

    private static void el(StringBuilder x, String name, String value) {
        x.append('<').append(name).append('>').append(value.replace("&", "&amp;").replace("<", "&lt;"))
                .append("</").append(name).append('>');
    }

    private HttpReply configApi(HttpCall call) {
        synchronized (state) {
            String route = call.method() + " " + call.rawPath();
            Map<String, Object> body;
            try {
                body = call.body().length == 0 ? Map.of() : Json.readObject(call.bodyText());
            } catch (RuntimeException e) {
                return json(400, Map.of("status", false, "error", "Invalid JSON"));
            }
            if (route.equals("POST /api/login")) {
                if (user.equals(body.get("username")) && password.equals(body.get("password"))) {
                    state.session = UUID.randomUUID().toString();
                    return json(200, Map.of("status", true)).withHeader("Set-Cookie",
                            "auth=" + state.session + "; Path=/; HttpOnly; SameSite=Strict; Secure");
                }
                return json(401, Map.of("status", false, "error", "Invalid username or password"));
            }
            String cookie = call.cookie("auth");
            if (state.session == null || !state.session.equals(cookie)) {
                return json(401, Map.of("status", false, "error", "Unauthorized"));
            }
            return switch (route) {
                case "GET /api/clients/list" -> json(200, Map.of("status", true, "platform", "windows",
                        "named_certs", new ArrayList<>(state.clients.values())));
                case "POST /api/clients/update" -> updateClient(body);
                case "POST /api/clients/unpair" -> {
                    boolean removed = state.clients.remove(String.valueOf(body.get("uuid"))) != null;
                    yield json(200, Map.of("status", removed));
                }
                case "POST /api/clients/disconnect" -> {
                    Map<String, Object> c = state.clients.get(String.valueOf(body.get("uuid")));
                    if (c != null) {
                        c.put("connected", false);
                    }
                    yield json(200, Map.of("status", c != null));
                }
                case "POST /api/otp" -> otp(body);
                case "GET /api/apps" -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("apps", state.apps);
                    r.put("current_app", state.currentApp);
                    r.put("host_uuid", state.uniqueId);
                    r.put("host_name", state.hostname);
                    yield json(200, r);
                }
                case "POST /api/apps/launch" -> {
                    String uuid = String.valueOf(body.get("uuid"));
                    boolean known = state.apps.stream().anyMatch(a -> a.get("uuid").equals(uuid));
                    if (known) {
                        state.currentApp = uuid;
                    }
                    yield json(known ? 200 : 400, known ? Map.of("status", true) : Map.of("status", false, "error", "App not found"));
                }
                case "POST /api/apps/close" -> {
                    state.currentApp = "";
                    state.clients.values().forEach(c -> c.put("connected", false));
                    yield json(200, Map.of("status", true));
                }
                default -> json(404, Map.of("status", false, "error", "Not Found"));
            };
        }
    }

    private HttpReply updateClient(Map<String, Object> body) {
        String uuid = String.valueOf(body.get("uuid"));
        Map<String, Object> old = state.clients.get(uuid);
        if (old == null) {
            return json(400, Map.of("status", false, "error", "Client not found"));
        }
        // Apollo replaces every field: what the request leaves out falls back to its default
        Map<String, Object> c = ApolloState.newClient(String.valueOf(body.getOrDefault("name", "")), uuid);
        c.put("display_mode", body.getOrDefault("display_mode", ""));
        c.put("perm", body.containsKey("perm") ? ((Number) body.get("perm")).longValue() : 0L);
        c.put("connected", old.get("connected"));
        c.put("do", body.getOrDefault("do", List.of()));
        c.put("undo", body.getOrDefault("undo", List.of()));
        c.put("enable_legacy_ordering", body.getOrDefault("enable_legacy_ordering", true));
        c.put("allow_client_commands", body.getOrDefault("allow_client_commands", true));
        c.put("always_use_virtual_display", body.getOrDefault("always_use_virtual_display", false));
        state.clients.put(uuid, c);
        return json(200, Map.of("status", true));
    }

    private HttpReply otp(Map<String, Object> body) {
        String passphrase = body.get("passphrase") == null ? "" : String.valueOf(body.get("passphrase"));
        if (passphrase.length() < 4) {
            return json(400, Map.of("status", false, "message", "Passphrase too short!"));
        }
        state.otpPin = String.format("%04d", (int) (Math.random() * 10_000));
        state.otpPassphrase = passphrase;
        state.otpDeviceName = body.get("deviceName") == null ? "" : String.valueOf(body.get("deviceName"));
        state.otpExpiresAtMillis = System.currentTimeMillis() + ApolloState.OTP_VALIDITY_MILLIS;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", true);
        r.put("otp", state.otpPin);
        r.put("ip", ip);
        r.put("name", state.hostname);
        r.put("message", "OTP created, valid for 3 minutes");
        return json(200, r);
    }

    private static HttpReply json(int status, Object body) {
        return HttpReply.of(status, HttpReply.standardReason(status), "application/json", Json.write(body));
    }

    @Override
    public void close() {
        http.close();
        https.close();
    }
}

package io.rigplane.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** A plain HTTPS client for the simulator that trusts exactly one certificate, by SHA-256 fingerprint. */
final class PveTestClient {
    static final String API = "/api2/json";

    final String base;
    final SSLContext ssl;
    final HttpClient http;
    String authorization;
    String cookie;
    /** Real clients (browsers, proxmoxer, Ansible) send the ticket as it is, '+' and all. */
    boolean rawCookie = true;
    String csrf;

    record Reply(int status, Map<String, Object> body, HttpResponse<String> raw) {
        Object data() {
            return body.get("data");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> dataMap() {
            return (Map<String, Object>) body.get("data");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dataList() {
            return (List<Map<String, Object>>) body.get("data");
        }

        @SuppressWarnings("unchecked")
        Map<String, String> errors() {
            return (Map<String, String>) body.get("errors");
        }

        String message() {
            return (String) body.get("message");
        }
    }

    PveTestClient(String base, String fingerprint) {
        this.base = base;
        this.ssl = pinned(fingerprint);
        // as long as a request may take: a test that ran before with injected latency can keep the
        // simulator's workers (and so its TLS handshakes) busy for seconds after its faults are cleared
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(20)).build();
    }

    static PveTestClient forSimulator(ProxmoxSimulator sim) {
        PveTestClient c = new PveTestClient(sim.url(), sim.fingerprint());
        c.authorization = "PVEAPIToken=" + sim.settings().token();
        return c;
    }

    /** Trusts the one certificate whose fingerprint is pinned; hostnames are not checked (as with PVE pinning). */
    static SSLContext pinned(String fingerprint) {
        X509ExtendedTrustManager tm = new X509ExtendedTrustManager() {
            private void check(X509Certificate[] chain) throws CertificateException {
                if (chain.length == 0 || !SelfSignedCertificate.fingerprint(chain[0]).equals(fingerprint)) {
                    throw new CertificateException("certificate fingerprint does not match the pinned one");
                }
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
                throw new CertificateException("client side only");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
                throw new CertificateException("client side only");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("client side only");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only to read a certificate's fingerprint before pinning it (trust on first use); never for API calls. */
    static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
                public void checkServerTrusted(X509Certificate[] c, String a, Socket s) { }
                public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
                public void checkServerTrusted(X509Certificate[] c, String a) { }
                public void checkClientTrusted(X509Certificate[] c, String a, Socket s) { }
                public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
                public void checkClientTrusted(X509Certificate[] c, String a) { }
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Object... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(String.valueOf(kv[i]), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(kv[i + 1]), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    Reply get(String path, Object... query) {
        String q = query.length == 0 ? "" : "?" + form(query);
        return send("GET", path + q, null, null);
    }

    Reply post(String path, Object... kv) {
        return send("POST", path, form(kv), "application/x-www-form-urlencoded");
    }

    Reply postJson(String path, Map<String, Object> body) {
        return send("POST", path, Json.write(body), "application/json");
    }

    Reply put(String path, Object... kv) {
        return send("PUT", path, form(kv), "application/x-www-form-urlencoded");
    }

    Reply delete(String path, Object... query) {
        String q = query.length == 0 ? "" : "?" + form(query);
        return send("DELETE", path + q, null, null);
    }

    Reply send(String method, String path, String body, String contentType) {
        String full = path.startsWith("/simulator") ? path : API + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + full)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (cookie != null) {
            b.header("Cookie", "PVEAuthCookie=" + (rawCookie ? cookie : URLEncoder.encode(cookie, StandardCharsets.UTF_8)));
        }
        if (csrf != null) {
            b.header("CSRFPreventionToken", csrf);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> parsed = r.body().isEmpty() ? Map.of() : Json.readObject(r.body());
            return new Reply(r.statusCode(), parsed, r);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + full + " failed: " + e, e);
        }
    }

    /** Polls a task until it stops; returns its final status. */
    Map<String, Object> waitTask(String upid) {
        String node = upid.split(":")[1];
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            Reply r = get("/nodes/" + node + "/tasks/" + URLEncoder.encode(upid, StandardCharsets.UTF_8) + "/status");
            assertEquals(200, r.status(), () -> "task status: " + r.body());
            if ("stopped".equals(r.dataMap().get("status"))) {
                return r.dataMap();
            }
            sleep(20);
        }
        fail("task did not finish: " + upid);
        return null;
    }

    /** Runs an asynchronous call and expects its task to end with the given exit status. */
    Map<String, Object> runTask(Reply started, String expectedExit) {
        assertEquals(200, started.status(), () -> "starting the task failed: " + started.body());
        Map<String, Object> status = waitTask((String) started.data());
        assertEquals(expectedExit, status.get("exitstatus"), () -> "task " + started.data());
        return status;
    }

    List<Map<String, Object>> taskLog(String upid) {
        return get("/nodes/" + upid.split(":")[1] + "/tasks/" + URLEncoder.encode(upid, StandardCharsets.UTF_8) + "/log")
                .dataList();
    }

    Map<String, Object> config(String node, int vmid, Object... query) {
        Reply r = get("/nodes/" + node + "/qemu/" + vmid + "/config", query);
        assertEquals(200, r.status(), () -> "config: " + r.body());
        return new LinkedHashMap<>(r.dataMap());
    }

    /** The raw status line, to see the reason phrase that HttpClient does not expose. */
    String rawStatusLine(String method, String path, String body) {
        try (SSLSocket s = (SSLSocket) ssl.getSocketFactory().createSocket(URI.create(base).getHost(), URI.create(base).getPort())) {
            String b = body == null ? "" : body;
            String req = method + " " + API + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: "
                    + authorization + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + b.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + b;
            OutputStream out = s.getOutputStream();
            out.write(req.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the condition holds (or fails after the timeout). */
    static void eventually(long timeoutMillis, String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(25);
        }
        fail("timed out waiting for " + what);
    }
}

package io.rigplane.proxmox.internal;

import io.rigplane.proxmox.ClusterConnection;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.proxmox.ProxmoxUnavailableException;
import io.rigplane.system.Retry;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One cluster's HTTP transport: token header, form bodies, the {@code data} envelope, error mapping
 * and retries. A call is repeated only when that is safe: a read (GET), a lock contention (Proxmox
 * changed nothing) or a connection that was never established. A POST that may have taken effect
 * is never repeated.
 */
public final class PveHttp {

    private static final Logger log = LoggerFactory.getLogger(PveHttp.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClusterConnection connection;
    private final ClientSettings settings;
    private final RestClient rest;
    private final RetryPolicy retries;

    public PveHttp(ClusterConnection connection, ClientSettings settings) {
        this.connection = connection;
        this.settings = settings;
        // the jitter spreads replicas that hit the same lock apart
        this.retries = Retry.backoff(settings.firstBackoff(), settings.maxBackoff(), settings.retryDeadline(),
                settings.attempts(), failure -> failure instanceof Attempt failed && failed.retryable);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(TlsContexts.forConnection(connection))
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.rest = RestClient.builder()
                .requestFactory(new CallingThreadRequestFactory(http, settings.readTimeout()))
                .baseUrl(connection.url() + "/api2/json")
                .defaultHeader("Authorization", "PVEAPIToken=" + connection.tokenId() + "=" + connection.tokenSecret())
                .build();
    }

    /** A call: method, path template with its variables, query and form parameters. */
    public record Call(HttpMethod method, String path, Object[] vars, MultiValueMap<String, String> query,
            @Nullable MultiValueMap<String, String> form) {

        public static Call get(String path, Object... vars) {
            return new Call(HttpMethod.GET, path, vars, new LinkedMultiValueMap<>(), null);
        }

        public static Call send(HttpMethod method, String path, Object... vars) {
            return new Call(method, path, vars, new LinkedMultiValueMap<>(), new LinkedMultiValueMap<>());
        }

        public Call query(String key, Object value) {
            query.add(key, String.valueOf(value));
            return this;
        }

        public Call form(String key, @Nullable Object value) {
            if (value != null && form != null) {
                form.add(key, String.valueOf(value));
            }
            return this;
        }

        /** DELETE takes query parameters only. */
        public Call withoutForm() {
            return new Call(method, path, vars, query, null);
        }

        public Call form(Map<String, String> values) {
            values.forEach(this::form);
            return this;
        }

        public String describe() {
            String p = path;
            for (Object v : vars) {
                p = p.replaceFirst("\\{[^}]+}", String.valueOf(v));
            }
            return method.name() + " " + p;
        }
    }

    /** Sends with the retry policy and returns the {@code data} member (a null node when absent). */
    public JsonNode call(Call call) {
        Attempt[] previous = {null};
        try {
            return Retry.run(retries, attempt -> {
                if (previous[0] != null) {
                    log.debug("{} on cluster {}: attempt {} failed ({}), retrying", call.describe(), connection.id(),
                            attempt - 1, previous[0].error.getMessage());
                }
                try {
                    return once(call);
                } catch (Attempt failed) {
                    previous[0] = failed;
                    throw failed;
                }
            });
        } catch (Attempt failed) {
            throw failed.error;
        }
    }

    /** One failed attempt and whether repeating it is safe. */
    private static final class Attempt extends RuntimeException {
        final ProxmoxException error;
        final boolean retryable;

        public Attempt(ProxmoxException error, boolean retryable) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.retryable = retryable;
        }
    }

    private JsonNode once(Call call) {
        Raw raw;
        try {
            RestClient.RequestBodySpec spec = rest.method(call.method())
                    .uri(b -> b.path(call.path()).queryParams(call.query()).build(call.vars()));
            if (call.form() != null) {
                spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(call.form());
            }
            raw = spec.exchange((request, response) -> new Raw(response.getStatusCode().value(), response.getStatusText(),
                    response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            throw transportFailure(call, e);
        }
        if (raw == null) {
            throw new Attempt(new ProxmoxUnavailableException(0, call.describe() + ": no answer"), isRead(call));
        }
        JsonNode body = parse(raw.body());
        if (raw.status() >= 200 && raw.status() < 300) {
            if (body == null) {
                throw new Attempt(new ProxmoxUnavailableException(raw.status(), call.describe()
                        + ": the answer is not JSON"), isRead(call));
            }
            JsonNode data = body.get("data");
            return data == null ? JSON.nullNode() : data;
        }
        String message = body != null && body.hasNonNull("message") ? body.get("message").asString() : raw.reason();
        ProxmoxException error = ProxmoxErrors.map(raw.status(), redact(message), body, call.describe());
        boolean retryable = ProxmoxErrors.isLockContention(error)
                || (isRead(call) && error instanceof ProxmoxUnavailableException && !nodeOffline(call, raw.status()));
        throw new Attempt(error, retryable);
    }

    /**
     * A 595 on a call proxied to a node the cluster lists as offline: the node sleeps or lost power,
     * and retrying for seconds will not wake it (callers wake it, or look it up elsewhere). Any
     * doubt counts as online, so a passing network fault is still retried.
     */
    private boolean nodeOffline(Call call, int status) {
        if (status != 595 || !call.path().startsWith("/nodes/{node}") || call.vars().length == 0) {
            return false;
        }
        String node = String.valueOf(call.vars()[0]);
        try {
            for (JsonNode listed : once(Call.get("/nodes"))) {
                if (node.equals(listed.path("node").asString(""))) {
                    return !"online".equals(listed.path("status").asString(""));
                }
            }
        } catch (RuntimeException unknown) {
            return false;
        }
        return false;
    }

    private Attempt transportFailure(Call call, ResourceAccessException e) {
        Throwable cause = rootOf(e);
        String what = call.describe() + " on " + connection.url();
        if (has(e, HttpConnectTimeoutException.class) || has(e, ConnectException.class)) {
            // the request never left this machine: repeating it is safe for every method
            return new Attempt(new ProxmoxUnavailableException(0, what + ": cannot connect (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + redact(cause.getMessage())) + ")"), true);
        }
        if (has(e, HttpTimeoutException.class)) {
            return new Attempt(new ProxmoxTimeoutException(what + ": no answer within " + settings.readTimeout().toMillis()
                    + " ms"), isRead(call));
        }
        if (has(e, SSLException.class)) {
            // a certificate mismatch will not fix itself: no retry
            return new Attempt(new ProxmoxUnavailableException(0, what + ": TLS handshake failed: "
                    + redact(String.valueOf(cause.getMessage()))), false);
        }
        return new Attempt(new ProxmoxUnavailableException(0, what + ": " + cause.getClass().getSimpleName() + ": "
                + redact(String.valueOf(cause.getMessage()))), isRead(call));
    }

    private static boolean isRead(Call call) {
        return call.method() == HttpMethod.GET;
    }

    public static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Proxmox never echoes the token, but a proxy in between might: keep the secret out of every message. */
    private String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return connection.tokenSecret().isEmpty() ? text : text.replace(connection.tokenSecret(), "***");
    }

    private static @Nullable JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    public static JsonNode readTree(String json) {
        return JSON.readTree(json);
    }

    private record Raw(int status, String reason, byte[] body) {
    }

}

package io.rigplane.streamhost.readiness;

import io.rigplane.streamhost.ReadyStreamHost;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * One {@code GET http://ADDR:PORT/serverinfo}. Apollo opens that port only after its encoder probe
 * succeeded, so a 200 means it can stream. Timeouts are short: the caller probes again soon.
 */
@Component
class ServerInfoProbe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    /** The ready host, or the reason it is not ready in {@code problem}. */
    ProbeResult probe(String address, int httpPort) throws InterruptedException {
        String authority = StreamHostPorts.authority(address, httpPort);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + authority + "/serverinfo"))
                .timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return ProbeResult.ready(ServerInfo.parse(address, httpPort, response.body()));
            }
            return ProbeResult.notYet("it answered " + response.statusCode());
        } catch (HttpConnectTimeoutException e) {
            return ProbeResult.notYet("no connection within " + CONNECT_TIMEOUT.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return ProbeResult.notYet("no answer within " + REQUEST_TIMEOUT.toMillis() + " ms");
        } catch (ConnectException e) {
            return ProbeResult.notYet("connection refused");
        } catch (IOException e) {
            return ProbeResult.notYet(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** A ready host, or the reason there is none yet. */
    record ProbeResult(@org.jspecify.annotations.Nullable ReadyStreamHost host, String problem) {

        static ProbeResult ready(ReadyStreamHost host) {
            return new ProbeResult(host, "");
        }

        static ProbeResult notYet(String problem) {
            return new ProbeResult(null, problem);
        }
    }
}

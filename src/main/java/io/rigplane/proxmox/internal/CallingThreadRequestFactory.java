package io.rigplane.proxmox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends with the JDK client's blocking {@code send} on the calling thread. Spring's
 * JdkClientHttpRequestFactory sends asynchronously and waits on a future with a timeout of its
 * own, which hands every answer to another thread and schedules a timer per call: with a plan's
 * three small reads per profile that handoff was a large share of the CPU a plan spends (issue 15).
 * <p>
 * The read timeout keeps its meaning: the answer's headers must come within it (the request's own
 * timeout) and its body within what is left of it ({@link DeadlineStream}).
 */
final class CallingThreadRequestFactory implements ClientHttpRequestFactory {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = restricted();

    private final HttpClient http;
    private final Duration readTimeout;

    CallingThreadRequestFactory(HttpClient http, Duration readTimeout) {
        this.http = http;
        this.readTimeout = readTimeout;
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
        return new Request(uri, method);
    }

    private static Set<String> restricted() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(Set.of("connection", "content-length", "expect", "host", "upgrade"));
        return names;
    }

    private final class Request extends AbstractBufferingClientHttpRequest {

        private final URI uri;
        private final HttpMethod method;

        Request(URI uri, HttpMethod method) {
            this.uri = uri;
            this.method = method;
        }

        @Override
        public HttpMethod getMethod() {
            return method;
        }

        @Override
        public URI getURI() {
            return uri;
        }

        @Override
        protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).method(method.name(),
                    body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((name, values) -> {
                if (!RESTRICTED.contains(name)) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            long deadline = System.nanoTime() + readTimeout.toNanos();
            try {
                return new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + method + " " + uri, e);
            }
        }
    }

    private static final class Response implements ClientHttpResponse {

        private final HttpResponse<InputStream> response;
        private final InputStream body;

        Response(HttpResponse<InputStream> response, long deadline) {
            this.response = response;
            this.body = new DeadlineStream(response.body(), deadline);
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(response.statusCode());
        }

        /** The JDK client does not expose the reason phrase: the standard one, as Spring's own response. */
        @Override
        public String getStatusText() {
            HttpStatus status = HttpStatus.resolve(response.statusCode());
            return status == null ? "" : status.getReasonPhrase();
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach(headers::addAll);
            return headers;
        }

        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // the connection is dropped by the client then; nothing to tell the caller
            }
        }
    }
}

package io.rigplane.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP listener on loopback (the JDK's own server) standing in for a webhook receiver, an
 * ntfy server or Discord: it records every request and answers with the statuses it is told to.
 */
public final class Listener implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> scripted = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile long delayMillis;

    /** One request as it arrived: path, headers (lower-case names), the exact body bytes, and when. */
    public record Received(String path, Map<String, String> headers, byte[] body, long nanos) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private Listener() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body, System.nanoTime()));
            if (delayMillis > 0) {
                sleep(delayMillis);
            }
            ConcurrentLinkedQueue<Integer> next = scripted.get(path);
            Integer answer = next == null ? null : next.poll();
            exchange.sendResponseHeaders(answer != null ? answer : status, -1);
            exchange.close();
        });
        server.start();
    }

    public static Listener start() throws IOException {
        return new Listener();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every request with this status (unless a scripted one is due). */
    public Listener answer(int code) {
        status = code;
        return this;
    }

    /** The next requests to the path get these statuses, in turn; then the default. */
    public Listener script(String path, Integer... codes) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(codes));
        return this;
    }

    public Listener delay(Duration delay) {
        delayMillis = delay.toMillis();
        return this;
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until at least {@code count} requests to the path matching the filter have arrived. */
    public List<Received> await(String path, int count, Predicate<Received> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> found = new ArrayList<>(received(path).stream().filter(filter).toList());
            if (found.size() >= count) {
                return found;
            }
            sleep(50);
        }
        throw new AssertionError("expected " + count + " requests to " + path + " within " + timeout + ", got "
                + received(path).stream().map(Received::text).toList());
    }

    public List<Received> await(String path, int count, Duration timeout) {
        return await(path, count, r -> true, timeout);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

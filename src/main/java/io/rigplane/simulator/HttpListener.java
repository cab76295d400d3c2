package io.rigplane.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A small blocking HTTP/1.1 server (keep-alive, Content-Length and chunked request bodies) over
 * plain TCP or TLS. Connections are served by the given executor; an idle keep-alive connection
 * is closed after a few seconds so a fixed pool cannot be starved for long.
 */
final class HttpListener implements AutoCloseable {

    interface Handler {
        HttpReply handle(HttpCall call);
    }

    private static final System.Logger LOG = System.getLogger(HttpListener.class.getName());
    private static final int IDLE_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final ServerSocket server;
    private final ExecutorService executor;
    private final Handler handler;
    private final Thread acceptor;
    private final java.util.Set<Socket> live = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    HttpListener(InetAddress bind, int port, SSLContext tls, ExecutorService executor, Handler handler, String name)
            throws IOException {
        this.executor = executor;
        this.handler = handler;
        ServerSocket s = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        if (s instanceof SSLServerSocket ssl) {
            ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        }
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress(bind, port), 256);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        this.server = s;
        this.acceptor = new Thread(this::acceptLoop, name + "-accept-" + s.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    InetAddress address() {
        return server.getInetAddress();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket socket = server.accept();
                try {
                    executor.execute(() -> serve(socket));
                } catch (RejectedExecutionException e) {
                    socket.close();
                }
            } catch (IOException e) {
                if (open) {
                    LOG.log(System.Logger.Level.DEBUG, "accept failed", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        live.add(socket);
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            while (open) {
                String requestLine = readLine(in);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                String[] parts = requestLine.split(" ");
                if (parts.length < 3) {
                    write(out, HttpReply.of(400, "Bad Request", "text/plain", "bad request line"), false);
                    return;
                }
                Map<String, String> headers = readHeaders(in);
                byte[] body = readBody(in, headers);
                String target = parts[1];
                int q = target.indexOf('?');
                String path = q < 0 ? target : target.substring(0, q);
                String query = q < 0 ? "" : target.substring(q + 1);
                boolean keepAlive = !"close".equalsIgnoreCase(headers.get("connection"))
                        && !parts[2].equals("HTTP/1.0");
                HttpCall call = new HttpCall(parts[0].toUpperCase(Locale.ROOT), path, query, headers, body,
                        socket.getInetAddress(), socket.getLocalAddress());
                HttpReply reply;
                try {
                    reply = handler.handle(call);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "handler failed for " + requestLine, e);
                    reply = HttpReply.of(500, "Internal Server Error", "text/plain", String.valueOf(e));
                }
                // a handler may end the connection after its answer, as pveproxy does after every error
                keepAlive &= !"close".equalsIgnoreCase(reply.headers().get("Connection"));
                write(out, reply, keepAlive);
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle keep-alive connection or the peer went away: nothing to answer
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection failed", e);
        } finally {
            live.remove(socket);
        }
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.merge(name, value, (a, b) -> name.equals("cookie") ? a + "; " + b : b);
            }
        }
        return headers;
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    throw new IOException("truncated chunked body");
                }
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (true) {
                        String trailer = readLine(in);
                        if (trailer == null || trailer.isEmpty()) {
                            break;
                        }
                    }
                    return buf.toByteArray();
                }
                if (buf.size() + size > MAX_BODY) {
                    throw new IOException("body too large");
                }
                buf.write(in.readNBytes(size));
                readLine(in);
            }
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        int n = Integer.parseInt(length.trim());
        if (n > MAX_BODY) {
            throw new IOException("body too large");
        }
        byte[] body = in.readNBytes(n);
        if (body.length != n) {
            throw new IOException("truncated body");
        }
        return body;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
            if (sb.length() > 65536) {
                throw new IOException("line too long");
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void write(OutputStream out, HttpReply reply, boolean keepAlive) throws IOException {
        String reason = reply.reason() == null ? HttpReply.standardReason(reply.status())
                : reply.reason().strip().split("[\\r\\n]", 2)[0];
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(reply.status()).append(' ').append(reason).append("\r\n")
                .append("Server: pve-api-daemon/3.0\r\n")
                .append("Cache-Control: max-age=0\r\n")
                .append("Content-Length: ").append(reply.body().length).append("\r\n")
                .append("Connection: ").append(keepAlive ? "Keep-Alive" : "close").append("\r\n");
        if (reply.contentType() != null) {
            head.append("Content-Type: ").append(reply.contentType()).append("\r\n");
        }
        reply.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Connection")) {
                head.append(k).append(": ").append(v).append("\r\n");
            }
        });
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (reply.bodyStallMillis() > 0 && reply.body().length > 1) {
            out.write(reply.body(), 0, 1);
            out.flush();
            stall(reply.bodyStallMillis());
            out.write(reply.body(), 1, reply.body().length - 1);
        } else {
            out.write(reply.body());
        }
        out.flush();
    }

    private static void stall(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stalling a body", e);
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
        // a stopped host must stop answering at once, also on kept-alive connections
        for (Socket s : live) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "close failed", e);
            }
        }
    }
}

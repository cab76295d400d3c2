package io.rigplane.access;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 from a chosen loopback address (127.0.0.x), so a test can play a client at another
 * source address; Java 17's HttpClient cannot bind a local address.
 */
final class RawHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String source;
    private final int port;

    RawHttp(String source, int port) {
        this.source = source;
        this.port = port;
    }

    Reply send(String method, String path, Map<String, String> headers, String body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in to the dashboard form (GET the page for a session and its CSRF token, then POST). */
    Reply signIn(String username, String password) {
        Reply page = send("GET", "/login", Map.of(), null);
        String cookie = page.header("set-cookie").split(";")[0];
        return send("POST", "/login", Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"),
                "username=" + username + "&password=" + password + "&_csrf=" + csrf(page.body()));
    }

    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return matcher.group(1);
    }

    private static Reply parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim(), (a, b) -> a + "\n" + b);
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
}

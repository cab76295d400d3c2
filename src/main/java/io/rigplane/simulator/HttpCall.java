package io.rigplane.simulator;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One parsed HTTP/1.1 request as the simulator's listeners see it. */
record HttpCall(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
                InetAddress remote, InetAddress local) {

    String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Path segments, each percent-decoded (UPIDs arrive with ':' and '!' encoded). */
    List<String> segments() {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String cookie(String name) {
        String all = header("cookie");
        if (all == null) {
            return null;
        }
        for (String part : all.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(name)) {
                // pveproxy only percent-decodes (uri_unescape): a raw '+' in a ticket stays a '+'
                return URLDecoder.decode(p.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

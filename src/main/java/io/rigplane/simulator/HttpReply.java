package io.rigplane.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer. The reason phrase is free text because Proxmox VE puts its error message there
 * (the reason the simulator has its own small HTTP server instead of the JDK's HttpServer, whose
 * reason phrases are fixed).
 */
record HttpReply(int status, String reason, String contentType, byte[] body, Map<String, String> headers,
        long bodyStallMillis) {

    static HttpReply of(int status, String reason, String contentType, String body) {
        return new HttpReply(status, reason, contentType, body.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>(), 0);
    }

    HttpReply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpReply(status, reason, contentType, body, h, bodyStallMillis);
    }

    /** The headers and the body's first byte go out at once, the rest only after this pause. */
    HttpReply withBodyStall(long millis) {
        return new HttpReply(status, reason, contentType, body, headers, millis);
    }

    static String standardReason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            default -> "Error";
        };
    }
}

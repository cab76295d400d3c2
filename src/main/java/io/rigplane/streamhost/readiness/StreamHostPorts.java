package io.rigplane.streamhost.readiness;

import java.util.LinkedHashMap;
import java.util.Map;

/** Apollo's and Sunshine's ports, all fixed offsets of the GameStream HTTP port (47989 by default). */
public final class StreamHostPorts {

    public static final int DEFAULT_HTTP = 47989;
    /** The lowest and highest HTTP port for which every offset is a valid port. */
    public static final int MIN_HTTP = 1029;
    public static final int MAX_HTTP = 65514;

    private StreamHostPorts() {
    }

    public static int web(int http) {
        return http + 1;
    }

    public static Map<String, Integer> all(int http) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("https", http - 5);
        ports.put("http", http);
        ports.put("web", web(http));
        ports.put("rtsp", http + 21);
        ports.put("video", http + 9);
        ports.put("control", http + 10);
        ports.put("audio", http + 11);
        return java.util.Collections.unmodifiableMap(ports);
    }

    public static String authority(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}

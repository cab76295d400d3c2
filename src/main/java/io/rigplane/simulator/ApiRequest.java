package io.rigplane.simulator;

import java.util.List;
import java.util.Map;

/** A routed, authenticated and validated API call. */
record ApiRequest(String method, String path, Map<String, List<String>> params, Caller caller) {

    String get(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    boolean flag(String name) {
        String v = get(name);
        return v != null && Boolean.TRUE.equals(Param.parseBoolean(v));
    }

    int integer(String name, int fallback) {
        String v = get(name);
        return v == null ? fallback : Integer.parseInt(v.replace("+", ""));
    }

    String node() {
        return get("node");
    }

    int vmid() {
        return Integer.parseInt(get("vmid"));
    }
}

package io.rigplane.simulator;

import java.util.List;
import java.util.Map;

/**
 * One served API method: its path template ({@code /nodes/{node}/qemu/{vmid}/config}), the
 * parameters it accepts (path variables included, as in the Proxmox schema) and its handler.
 */
record Route(String method, String template, List<Param> params, Handler handler) {

    interface Handler {
        Object handle(ApiRequest request);
    }

    /** The {@code data} of an answer plus extra top-level attributes (the task log's {@code total}). */
    record WithAttributes(Object data, Map<String, Object> attributes) {
    }

    /** Path variables when the segments match the template, or null. */
    Map<String, String> match(List<String> segments) {
        String[] parts = template.substring(1).split("/");
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{")) {
                vars.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return vars;
    }

    Param param(String key) {
        for (Param p : params) {
            if (p.matches(key)) {
                return p;
            }
        }
        return null;
    }
}

package io.rigplane.proxmox.internal;

import tools.jackson.databind.JsonNode;

/** The envelope around every answer, shared by the transport and the sample tests. */
public final class Parsers {

    private Parsers() {
    }

    /** The answer's {@code data}, or the whole body for samples and tools that print only the payload. */
    public static JsonNode unwrap(JsonNode body) {
        return body.isObject() && body.has("data") && body.size() <= 2 && (body.size() == 1 || body.has("errors")
                || body.has("message")) ? body.get("data") : body;
    }
}

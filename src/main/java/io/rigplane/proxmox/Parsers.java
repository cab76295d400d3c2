package io.rigplane.proxmox;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Parsing of answers whose shape is more than one record. */
final class Parsers {

    private Parsers() {
    }

    /**
     * {@code network-get-interfaces} wraps the agent's answer: {@code {"result": [...]}}, or
     * {@code {"result": {"error": {"class", "desc"}}}} when the agent refused the command.
     */
    static List<GuestInterface> guestInterfaces(JsonNode data) {
        JsonNode result = data.isObject() ? data.get("result") : data;
        if (result != null && result.isObject() && result.has("error")) {
            JsonNode error = result.get("error");
            throw new ProxmoxAgentException("the guest agent answered an error: " + error.path("class").asString("")
                    + ": " + error.path("desc").asString(""));
        }
        return result == null ? List.of() : ProxmoxClient.list(result, GuestInterface::from);
    }

    /** The answer's {@code data}, or the whole body for samples and tools that print only the payload. */
    static JsonNode unwrap(JsonNode body) {
        return body.isObject() && body.has("data") && body.size() <= 2 && (body.size() == 1 || body.has("errors")
                || body.has("message")) ? body.get("data") : body;
    }
}

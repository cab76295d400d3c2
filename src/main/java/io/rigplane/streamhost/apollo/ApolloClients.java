package io.rigplane.streamhost.apollo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Apollo's paired clients and their permission bits (Apollo's {@code PERM} in crypto.h). */
public final class ApolloClients {

    public static final long PERM_ALL_INPUTS = 0x1F00L; // controller, touch, pen, mouse, keyboard
    public static final long PERM_LAUNCH = 0x4000000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApolloClients() {
    }

    /** The clients of that name; the one with launch permission first, then the newest. */
    static Optional<JsonNode> named(List<JsonNode> clients, String name) {
        List<JsonNode> same = clients.stream().filter(c -> c.path("name").asString("").equals(name)).toList();
        return same.stream().max(Comparator.comparing((JsonNode c) -> canLaunch(c))
                .thenComparing(c -> same.indexOf(c)));
    }

    static boolean connected(List<JsonNode> clients, String name) {
        return clients.stream().anyMatch(c -> c.path("name").asString("").equals(name)
                && c.path("connected").asBoolean(false));
    }

    static long perm(JsonNode client) {
        return client.path("perm").asLong(0);
    }

    static boolean canLaunch(JsonNode client) {
        return (perm(client) & PERM_LAUNCH) != 0;
    }

    static boolean granted(JsonNode client) {
        return canLaunch(client) && (perm(client) & PERM_ALL_INPUTS) != 0;
    }

    /**
     * The client as Apollo listed it, with launch and every input added. Apollo's update replaces
     * every field, so all of them go back; {@code connected} is state, not a setting.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withLaunchAndInput(JsonNode client) {
        Map<String, Object> fields = JSON.convertValue(client, Map.class);
        fields.remove("connected");
        fields.put("perm", perm(client) | PERM_LAUNCH | PERM_ALL_INPUTS);
        return fields;
    }
}

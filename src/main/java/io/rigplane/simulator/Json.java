package io.rigplane.simulator;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's one JSON mapper (Jackson 3). */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static Map<String, Object> readObject(String text) {
        return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
    }
}

package io.rigplane.profile;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The platforms Rigplane knows, by id. */
@Component
class Platforms {

    private final Map<String, Platform> byId = new TreeMap<>();

    Platforms(List<Platform> platforms) {
        platforms.forEach(platform -> byId.put(platform.id(), platform));
    }

    Optional<Platform> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Collection<Platform> all() {
        return byId.values();
    }
}

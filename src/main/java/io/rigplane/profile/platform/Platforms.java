package io.rigplane.profile.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The platforms Rigplane knows, by id: the built-in ones and those users stored. */
@Component
public class Platforms {

    private final Map<String, Platform> coded = new TreeMap<>();
    private final PlatformStore store;

    Platforms(List<Platform> platforms, PlatformStore store) {
        platforms.forEach(platform -> coded.put(platform.id(), platform));
        this.store = store;
    }

    /** Every platform, built-in ones first. */
    List<PlatformDefinition> all() {
        List<PlatformDefinition> all = new ArrayList<>(BuiltInPlatforms.ALL);
        all.addAll(store.userPlatforms());
        return all;
    }

    Optional<PlatformDefinition> definition(String id) {
        return BuiltInPlatforms.ALL.stream().filter(platform -> platform.id().equals(id)).findFirst()
                .or(() -> store.find(id));
    }

    static boolean isBuiltIn(String id) {
        return BuiltInPlatforms.ALL.stream().anyMatch(platform -> platform.id().equals(id));
    }

    public Optional<PlatformChain> chain(String id) {
        // a built-in platform extends nothing: its chain needs no look at the stored ones
        return chain(id, isBuiltIn(id) ? BuiltInPlatforms.ALL : all());
    }

    /** The chain of a platform among the given ones; empty when it or one it extends is unknown. */
    public Optional<PlatformChain> chain(String id, List<PlatformDefinition> known) {
        List<PlatformDefinition> layers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = id;
        while (next != null) {
            if (!seen.add(next)) {
                return Optional.empty();
            }
            String wanted = next;
            Optional<PlatformDefinition> layer = known.stream().filter(platform -> platform.id().equals(wanted))
                    .findFirst();
            if (layer.isEmpty()) {
                return Optional.empty();
            }
            layers.add(layer.get());
            next = layer.get().parent();
        }
        return Optional.of(new PlatformChain(layers, coded.get(layers.get(layers.size() - 1).id())));
    }

    public List<String> ids() {
        return all().stream().map(PlatformDefinition::id).toList();
    }
}

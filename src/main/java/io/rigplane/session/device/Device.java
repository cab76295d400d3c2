package io.rigplane.session.device;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A thin client and the profiles it may stream; its profiles are sorted by name. */
public record Device(UUID id, String name, Set<String> profiles) {

    public Device {
        profiles = Collections.unmodifiableSortedSet(new TreeSet<>(profiles));
    }

    boolean mayUse(String profile) {
        return profiles.contains(profile);
    }
}

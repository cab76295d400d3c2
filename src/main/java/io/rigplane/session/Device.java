package io.rigplane.session;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A thin client and the profiles it may stream; its profiles are sorted by name. */
record Device(UUID id, String name, Set<String> profiles) {

    Device {
        profiles = Collections.unmodifiableSortedSet(new TreeSet<>(profiles));
    }

    boolean mayUse(String profile) {
        return profiles.contains(profile);
    }
}

package io.rigplane.access.sso;

import io.rigplane.access.user.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Maps the group names of the role claim to a role: the highest mapped group wins. */
final class SsoRoles {

    private final SsoProperties properties;

    SsoRoles(SsoProperties properties) {
        this.properties = properties;
    }

    Optional<Role> roleOf(List<String> groups) {
        if (containsAny(groups, properties.adminGroups())) {
            return Optional.of(Role.ADMIN);
        }
        if (containsAny(groups, properties.operatorGroups())) {
            return Optional.of(Role.OPERATOR);
        }
        if (containsAny(groups, properties.viewerGroups())) {
            return Optional.of(Role.VIEWER);
        }
        return Optional.empty();
    }

    /** The claim's group names: providers send a list of names, a few a single name. */
    static List<String> groups(@Nullable Object claim) {
        if (claim instanceof Collection<?> names) {
            return names.stream().filter(name -> name != null).map(Object::toString).toList();
        }
        if (claim instanceof String name && !name.isBlank()) {
            return List.of(name);
        }
        return List.of();
    }

    private static boolean containsAny(List<String> groups, List<String> mapped) {
        return mapped.stream().map(String::strip).filter(name -> !name.isEmpty()).anyMatch(groups::contains);
    }
}

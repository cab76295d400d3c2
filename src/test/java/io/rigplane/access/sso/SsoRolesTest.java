package io.rigplane.access.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.access.user.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group names to roles, as an operator configures them: the highest mapped group wins. */
class SsoRolesTest {

    private final SsoRoles roles = new SsoRoles(new SsoProperties("https://id.example", "rigplane", "secret", "groups",
            List.of("lab-admins", " owners "), List.of("lab-operators"), List.of("lab-viewers", ""),
            List.of("openid"), "Authentik"));

    @Test
    void theHighestMappedGroupWins() {
        assertThat(roles.roleOf(List.of("lab-viewers", "owners", "lab-operators"))).contains(Role.ADMIN);
        assertThat(roles.roleOf(List.of("lab-viewers", "lab-operators"))).contains(Role.OPERATOR);
        assertThat(roles.roleOf(List.of("family", "lab-viewers"))).contains(Role.VIEWER);
    }

    @Test
    void noMappedGroupGivesNoRole() {
        assertThat(roles.roleOf(List.of("family", "Lab-Admins", "/lab-admins"))).as("names match exactly").isEmpty();
        assertThat(roles.roleOf(List.of(""))).as("an empty configured name maps nothing").isEmpty();
        assertThat(roles.roleOf(List.of())).isEmpty();
    }

    @Test
    void theClaimMayBeAListOrOneName() {
        assertThat(SsoRoles.groups(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(SsoRoles.groups("lab-admins")).containsExactly("lab-admins");
        assertThat(SsoRoles.groups(null)).isEmpty();
        assertThat(SsoRoles.groups(42)).isEmpty();
    }
}

package io.rigplane.access;

import io.rigplane.access.security.Caller;
import io.rigplane.access.token.Scope;
import io.rigplane.access.token.TokenIssuer;
import io.rigplane.access.user.Role;
import io.rigplane.access.user.UserDirectory;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;

/** Users and tokens of any role for tests, made through the module's own services. */
@Component
class AccessFixtures {

    static final String PASSWORD = "correct horse battery";

    private final UserDirectory users;
    private final TokenIssuer issuer;
    private final JdbcTemplate jdbc;

    AccessFixtures(UserDirectory users, TokenIssuer issuer, JdbcTemplate jdbc) {
        this.users = users;
        this.issuer = issuer;
        this.jdbc = jdbc;
    }

    /** A user with a fresh, unique name. */
    String user(String prefix, Role role) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, PASSWORD, role);
        return name;
    }

    /** A token of the user with exactly these scopes (within the user's role). */
    String token(String username, Role role, Set<Scope> scopes, @Nullable Instant expiresAt) {
        Caller caller = new Caller(username, role, role.scopes(), null);
        return issuer.issue(caller, "t-" + UUID.randomUUID().toString().substring(0, 8), scopes, expiresAt).token();
    }

    String token(String username, Role role) {
        return token(username, role, role.scopes(), null);
    }

    /** Forgets every failure count, so one test's throttling does not leak into another. */
    void forgetFailures() {
        jdbc.update("delete from auth_failure");
        jdbc.update("delete from sign_in_lock");
    }
}

package io.rigplane.access.user;

import io.rigplane.access.token.ApiToken;
import io.rigplane.access.token.ApiTokenRepository;
import io.rigplane.access.token.Scope;
import io.rigplane.access.SecretMask;
import io.rigplane.access.token.TokenSecrets;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Makes sure user {@code admin} and its bootstrap token exist. A secret that was generated is
 * printed once, at the start that created it; one from the environment is never printed.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String TOKEN_NAME = "bootstrap";
    /** Any constant both replicas agree on: the key of the advisory lock that orders their bootstraps. */
    private static final long BOOTSTRAP_LOCK = 0x5269_6770_6c61_6e65L;
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminBootstrapProperties properties;
    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;

    public AdminBootstrap(AdminBootstrapProperties properties, UserAccountRepository users, ApiTokenRepository tokens,
            PasswordEncoder passwordEncoder, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // values from the environment are masked in every log line from now on
        SecretMask.register(properties.token());
        SecretMask.register(properties.password());
        // replicas started together on a new database would otherwise both create the admin, and one would die
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", BOOTSTRAP_LOCK).query().listOfRows();
        UserAccount admin = users.findByUsername(ADMIN).orElseGet(this::createAdmin);
        String configuredToken = properties.token();
        tokens.findByOwnerAndName(admin, TOKEN_NAME).ifPresentOrElse(token -> {
            if (StringUtils.hasText(configuredToken)) {
                // the environment is authoritative, so rotating RIGPLANE_ADMIN_TOKEN takes effect on restart
                token.replaceSecret(TokenSecrets.hash(configuredToken));
            }
        }, () -> createToken(admin, configuredToken));
    }

    private UserAccount createAdmin() {
        String password = properties.password();
        if (!StringUtils.hasText(password)) {
            password = TokenSecrets.newPassword();
            log.warn(SecretMask.REVEAL_ONCE, "Created user '{}' with generated password: {}  (shown once; set RIGPLANE_ADMIN_PASSWORD "
                    + "to choose it)", ADMIN, password);
        }
        return users.save(new UserAccount(ADMIN, passwordEncoder.encode(password), Role.ADMIN));
    }

    private void createToken(UserAccount admin, String configuredToken) {
        String token = configuredToken;
        if (!StringUtils.hasText(token)) {
            token = TokenSecrets.newToken();
            log.warn(SecretMask.REVEAL_ONCE, "Created admin API token: {}  (shown once; set RIGPLANE_ADMIN_TOKEN to choose it)", token);
        }
        tokens.save(new ApiToken(TOKEN_NAME, TokenSecrets.hash(token), admin, EnumSet.of(Scope.ADMIN), null));
    }
}

package io.rigplane.streamhost.settings;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.SecretBox;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.streamhost.apollo.ApolloCredentials;
import io.rigplane.streamhost.apollo.DefaultCredentials;
import io.rigplane.streamhost.readiness.StreamHostPorts;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Reads and changes a profile's stream-host settings; opens the stored password only to log in. */
@Service
public class StreamHostConfigs {

    private static final String PURPOSE = "stream-host-password";
    private static final int MAX_APP = 255;
    private static final int MAX_USERNAME = 128;
    private static final int MAX_PASSWORD = 256;

    private final StreamHostSettingsStore store;
    private final ProfileCatalog catalog;
    private final SecretBox secrets;
    private final DefaultCredentials defaults;
    private final AuditTrail audit;

    StreamHostConfigs(StreamHostSettingsStore store, ProfileCatalog catalog, SecretBox secrets,
            DefaultCredentials defaults, AuditTrail audit) {
        this.store = store;
        this.catalog = catalog;
        this.secrets = secrets;
        this.defaults = defaults;
        this.audit = audit;
    }

    /** What Rigplane uses to reach the profile's stream host; 404 when there is no such profile. */
    public Effective effective(String profile) {
        catalog.get(profile);
        StoredSettings s = store.find(profile).orElseGet(() -> platformDefaults(profile));
        Optional<ApolloCredentials> login = s.username() != null && s.sealedPassword() != null
                ? Optional.of(new ApolloCredentials(s.username(), secrets.open(s.sealedPassword(), PURPOSE)))
                : defaults.get();
        return new Effective(s.kind(), s.app(), s.httpPort(), login);
    }

    public StreamHostSettings view(String profile) {
        catalog.get(profile);
        return view(store.find(profile).orElseGet(() -> platformDefaults(profile)));
    }

    public StreamHostSettings update(String profile, StreamHostSettingsChange change) {
        catalog.get(profile);
        StoredSettings old = store.find(profile).orElseGet(() -> platformDefaults(profile));
        List<FieldError> errors = new ArrayList<>();
        String kind = change.kind() == null ? catalog.defaultStreamHost(profile) : change.kind();
        if (!kind.equals(StoredSettings.APOLLO) && !kind.equals(StoredSettings.SUNSHINE)) {
            errors.add(new FieldError("kind", "must be apollo or sunshine"));
        }
        String app = change.app() == null ? StoredSettings.DEFAULTS.app() : change.app().strip();
        if (app.isEmpty() || app.length() > MAX_APP || hasControl(app)) {
            errors.add(new FieldError("app", "must be an app name of 1 to " + MAX_APP + " printable characters"));
        }
        int port = change.httpPort() == null ? StreamHostPorts.DEFAULT_HTTP : change.httpPort();
        if (port < StreamHostPorts.MIN_HTTP || port > StreamHostPorts.MAX_HTTP) {
            errors.add(new FieldError("httpPort", "must be between " + StreamHostPorts.MIN_HTTP + " and "
                    + StreamHostPorts.MAX_HTTP + " (the other ports are offsets of it)"));
        }
        @Nullable String username = change.username() == null || change.username().isBlank() ? null : change.username().strip();
        if (username != null && (username.length() > MAX_USERNAME || hasControl(username))) {
            errors.add(new FieldError("username", "must be 1 to " + MAX_USERNAME + " printable characters"));
        }
        @Nullable String sealed = old.sealedPassword();
        boolean passwordChanged = change.password() != null;
        if (change.password() != null && change.password().isEmpty()) {
            sealed = null;
        } else if (change.password() != null) {
            if (change.password().length() > MAX_PASSWORD || hasControl(change.password())) {
                // the rule only: the value itself never goes into an answer
                errors.add(new FieldError("password", "must be 1 to " + MAX_PASSWORD + " printable characters"));
            } else {
                sealed = secrets.seal(change.password(), PURPOSE);
            }
        }
        if (sealed != null && username == null && errors.stream().noneMatch(e -> e.field().equals("password"))) {
            errors.add(new FieldError("username", "is required with a password"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        StoredSettings updated = new StoredSettings(kind, app, port, username, sealed);
        store.save(profile, updated);
        audit.record("streamhost.settings.update", "profile:" + profile, AuditOutcome.SUCCESS,
                kind + ", app " + app + ", port " + port + ", user " + (username == null ? "default" : username)
                        + (passwordChanged ? ", password " + (sealed == null ? "removed" : "changed") : ""));
        return view(updated);
    }

    /** A profile without settings of its own runs the stream host its platform names (apollo by default). */
    private StoredSettings platformDefaults(String profile) {
        String kind = catalog.defaultStreamHost(profile);
        return new StoredSettings(kind, StoredSettings.DEFAULTS.app(), StoredSettings.DEFAULTS.httpPort(), null, null);
    }

    private StreamHostSettings view(StoredSettings s) {
        boolean own = s.username() != null && s.sealedPassword() != null;
        String credentials = own ? "profile" : defaults.source();
        return new StreamHostSettings(s.kind(), s.app(), s.httpPort(), s.username(), s.sealedPassword() != null,
                credentials);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    /** The settings in effect, with the login to use (empty when none is configured anywhere). */
    public record Effective(String kind, String app, int httpPort, Optional<ApolloCredentials> login) {

    public     boolean sunshine() {
            return kind.equals(StoredSettings.SUNSHINE);
        }
    }
}

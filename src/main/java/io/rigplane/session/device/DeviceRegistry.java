package io.rigplane.session.device;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.access.DeviceTokens;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileNotFoundException;
import io.rigplane.profile.ProfileView;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers thin-client devices with their token, binds them to profiles and revokes them.
 * Every change is audited after it committed.
 */
@Service
public class DeviceRegistry {

    static final int MAX_PROFILES = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    private final DeviceRepository devices;
    private final DeviceTokens tokens;
    private final ProfileCatalog catalog;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    private final ApplicationEventPublisher events;

    DeviceRegistry(DeviceRepository devices, DeviceTokens tokens, ProfileCatalog catalog, AuditTrail audit,
            Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.devices = devices;
        this.tokens = tokens;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    public DeviceCreated create(@Nullable String name, @Nullable List<String> profiles) {
        List<String> bound = checked(name, profiles);
        DeviceCreated created = transaction.execute(status -> {
            DeviceRegistration device = register(name, bound);
            return DeviceCreated.of(device.toView(null), tokens.issue(device.id(), name));
        });
        audit.record("device.create", target(name), AuditOutcome.SUCCESS, "profiles " + String.join(" ", bound));
        return created;
    }

    /**
     * Registers a device whose token is made later, when the device itself collects it (a TV
     * signed in by an approved code). Joins the caller's transaction.
     */
    public DeviceView createWithoutToken(@Nullable String name, @Nullable List<String> profiles, String how) {
        List<String> bound = checked(name, profiles);
        DeviceView created = transaction.execute(status -> register(name, bound).toView(null));
        audit.record("device.create", target(name), AuditOutcome.SUCCESS, "profiles " + String.join(" ", bound)
                + "; " + how);
        return created;
    }

    private List<String> checked(@Nullable String name, @Nullable List<String> profiles) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must be 1-64 letters, digits, spaces, '.', '_' or '-', "
                    + "starting with a letter or digit"));
        }
        List<String> bound = checkProfiles(profiles, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return bound;
    }

    private DeviceRegistration register(@Nullable String name, List<String> bound) {
        if (devices.existsByNameAndRevokedAtIsNull(name)) {
            throw new DeviceProblems.DeviceExists(name);
        }
        return devices.saveAndFlush(new DeviceRegistration(name, bound, clock.instant()));
    }

    /** Active devices first, then revoked ones; by name. */
    public List<DeviceView> list() {
        return transaction.execute(status -> {
            List<DeviceRegistration> all = devices.findAll();
            Map<UUID, Instant> lastSeen = tokens.lastUsed(all.stream().map(DeviceRegistration::id).toList());
            return all.stream()
                    .sorted(Comparator.comparing(DeviceRegistration::revoked).thenComparing(DeviceRegistration::name))
                    .map(device -> device.toView(lastSeen.get(device.id())))
                    .toList();
        });
    }

    public DeviceView get(UUID id) {
        return transaction.execute(status -> {
            DeviceRegistration device = find(id);
            return device.toView(tokens.lastUsed(List.of(id)).get(id));
        });
    }

    /** Replaces the profiles a device may use; its live sessions on profiles it lost end. */
    public DeviceView rebind(UUID id, @Nullable List<String> profiles) {
        List<FieldError> errors = new ArrayList<>();
        List<String> bound = checkProfiles(profiles, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Set<String> lost = new TreeSet<>();
        DeviceView changed = transaction.execute(status -> {
            DeviceRegistration device = find(id);
            if (device.revoked()) {
                throw new DeviceProblems.DeviceRevoked(device.name());
            }
            lost.addAll(device.toDevice().profiles());
            bound.forEach(lost::remove);
            device.bindTo(bound);
            return devices.saveAndFlush(device).toView(tokens.lastUsed(List.of(id)).get(id));
        });
        audit.record("device.bind", target(changed.name()), AuditOutcome.SUCCESS,
                "profiles " + String.join(" ", bound));
        if (!lost.isEmpty()) {
            events.publishEvent(new DeviceUnbound(id, changed.name(), lost));
        }
        return changed;
    }

    /** The device's token stops working at once; the device stays listed as revoked. Idempotent. */
    public void revoke(UUID id) {
        String name = transaction.execute(status -> {
            DeviceRegistration device = find(id);
            device.revoke(clock.instant());
            tokens.revoke(id);
            return device.name();
        });
        audit.record("device.revoke", target(name), AuditOutcome.SUCCESS, null);
        events.publishEvent(new DeviceRevoked(id, name));
    }

    /** Every profile's name, for the dashboard's checkboxes. */
    public List<String> profileNames() {
        List<String> names = new ArrayList<>();
        int page = 0;
        List<ProfileView> found;
        do {
            found = catalog.list(null, null, page++, ProfileCatalog.MAX_PAGE_SIZE).items();
            found.forEach(profile -> names.add(profile.spec().name()));
        } while (found.size() == ProfileCatalog.MAX_PAGE_SIZE);
        return names;
    }

    private DeviceRegistration find(UUID id) {
        return devices.findById(id).orElseThrow(() -> new DeviceProblems.DeviceNotFound(id));
    }

    /** The distinct, existing profile names asked for, sorted; each unknown one is a field error. */
    private List<String> checkProfiles(@Nullable List<String> profiles, List<FieldError> errors) {
        if (profiles == null) {
            errors.add(new FieldError("profiles", "must list the names of the profiles the device may use"));
            return List.of();
        }
        if (profiles.size() > MAX_PROFILES) {
            errors.add(new FieldError("profiles", "must list at most " + MAX_PROFILES + " profiles"));
            return List.of();
        }
        TreeSet<String> known = new TreeSet<>();
        for (int i = 0; i < profiles.size(); i++) {
            String profile = profiles.get(i);
            if (profile == null || profile.isBlank()) {
                errors.add(new FieldError("profiles[" + i + "]", "must be a profile name"));
            } else if (known.contains(profile) || exists(profile)) {
                known.add(profile);
            } else {
                errors.add(new FieldError("profiles[" + i + "]", "there is no profile '" + profile + "'"));
            }
        }
        return List.copyOf(known);
    }

    private boolean exists(String profile) {
        try {
            catalog.get(profile);
            return true;
        } catch (ProfileNotFoundException e) {
            return false;
        }
    }

    private static String target(@Nullable String name) {
        return "device:" + Objects.requireNonNull(name);
    }
}

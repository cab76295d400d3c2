package io.rigplane.profile.platform;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.profile.internal.Profile;
import io.rigplane.profile.internal.ProfileRepository;
import io.rigplane.profile.internal.ProfileValidator;
import io.rigplane.profile.internal.ProxmoxIds;
import io.rigplane.profile.internal.QemuSchema;
import io.rigplane.system.ETags;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.PreconditionFailedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platforms as data: the built-in ones, read-only, and those users add, change and remove. A
 * change that would break a profile on the platform (or on one that extends it) is refused, and
 * so is removing a platform that a profile or another platform relies on.
 */
@Service
public class PlatformCatalog {

    static final int MAX_SETTINGS = 64;
    static final int MAX_DEPTH = 8;
    private static final Set<String> STREAM_HOSTS = Set.of("apollo", "sunshine");

    private final Platforms platforms;
    private final PlatformStore store;
    private final ProfileRepository profiles;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PlatformCatalog(Platforms platforms, PlatformStore store, ProfileRepository profiles, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.platforms = platforms;
        this.store = store;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public List<PlatformDefinition> list() {
        return platforms.all();
    }

    public PlatformDefinition get(String id) {
        return platforms.definition(id).orElseThrow(() -> new PlatformNotFoundException(id));
    }

    /** The layers a profile on the platform inherits from, top first: its own id, then those it extends. */
    public List<String> chainOf(String id) {
        return platforms.chain(id).map(PlatformChain::ids).orElseThrow(() -> new PlatformNotFoundException(id));
    }

    public PlatformDefinition create(PlatformRequest request) {
        String id = request.id() == null ? "" : request.id().strip();
        PlatformDefinition platform = definition(id, request, 0);
        List<FieldError> errors = new ArrayList<>();
        if (!id.matches(ProxmoxIds.PROFILE_NAME)) {
            errors.add(new FieldError("id", "must be a slug: lowercase letters, digits and -, at most 63, not "
                    + "starting or ending with -"));
        }
        errors.addAll(check(platform, platforms.all()));
        requireValid(errors);
        transaction.executeWithoutResult(status -> {
            if (Platforms.isBuiltIn(id) || store.exists(id)) {
                throw PlatformConflictException.exists(id);
            }
            if (platform.parent() != null) {
                store.lock(platform.parent());
            }
            store.insert(platform, clock.instant());
        });
        audit.record("platform.create", target(id), AuditOutcome.SUCCESS, describe(platform));
        return get(id);
    }

    public PlatformDefinition update(String id, PlatformRequest request, @Nullable String ifMatch) {
        if (Platforms.isBuiltIn(id)) {
            throw PlatformConflictException.builtIn(id);
        }
        if (request.id() != null && !request.id().strip().equals(id)) {
            throw new InvalidRequestException(List.of(new FieldError("id",
                    "cannot change (is '" + id + "'); create a new platform instead")));
        }
        PlatformDefinition updated = transaction.execute(status -> {
            store.lockForChange(id);
            PlatformDefinition current = store.find(id).orElseThrow(() -> new PlatformNotFoundException(id));
            if (!ETags.ifMatch(ifMatch, current.etag())) {
                throw new PreconditionFailedException("Platform '" + id + "'", current.etag());
            }
            PlatformDefinition next = definition(id, request, current.version());
            List<PlatformDefinition> known = new ArrayList<>(platforms.all());
            known.replaceAll(platform -> platform.id().equals(id) ? next : platform);
            requireValid(check(next, known));
            List<FieldError> broken = brokenProfiles(id, known);
            if (!broken.isEmpty()) {
                throw PlatformConflictException.breaks(id, broken);
            }
            if (next.parent() != null) {
                store.lock(next.parent());
            }
            if (!store.update(next, current.version(), clock.instant())) {
                throw new PreconditionFailedException("Platform '" + id + "'", current.etag());
            }
            return next;
        });
        audit.record("platform.update", target(id), AuditOutcome.SUCCESS, describe(updated));
        return get(id);
    }

    public void delete(String id, @Nullable String ifMatch) {
        if (Platforms.isBuiltIn(id)) {
            throw PlatformConflictException.builtIn(id);
        }
        transaction.executeWithoutResult(status -> {
            store.lockForChange(id);
            PlatformDefinition current = store.find(id).orElseThrow(() -> new PlatformNotFoundException(id));
            if (!ETags.ifMatch(ifMatch, current.etag())) {
                throw new PreconditionFailedException("Platform '" + id + "'", current.etag());
            }
            List<String> users = store.profilesOn(id);
            List<String> children = store.childrenOf(id);
            if (!users.isEmpty() || !children.isEmpty()) {
                throw PlatformConflictException.inUse(id, users, children);
            }
            store.delete(id);
        });
        audit.record("platform.delete", target(id), AuditOutcome.SUCCESS, null);
    }

    /** Every broken rule of a platform among the known ones, by field. */
    List<FieldError> check(PlatformDefinition platform, List<PlatformDefinition> known) {
        List<FieldError> errors = new ArrayList<>();
        if (platform.description().length() > 1024) {
            errors.add(new FieldError("description", "must be at most 1024 characters"));
        }
        if (platform.osType() != null && QemuSchema.find("ostype").orElseThrow().check(platform.osType()) != null) {
            errors.add(new FieldError("osType", QemuSchema.find("ostype").orElseThrow().check(platform.osType())));
        }
        if (platform.streamHost() != null && !STREAM_HOSTS.contains(platform.streamHost())) {
            errors.add(new FieldError("streamHost", "must be apollo or sunshine"));
        }
        if (platform.parent() != null) {
            if (platform.parent().equals(platform.id())) {
                errors.add(new FieldError("extends", "cannot be the platform itself"));
            } else if (known.stream().noneMatch(other -> other.id().equals(platform.parent()))) {
                errors.add(new FieldError("extends", "must be a platform; there is none named '" + platform.parent()
                        + "'"));
            } else {
                List<PlatformDefinition> withThis = new ArrayList<>(known);
                withThis.removeIf(other -> other.id().equals(platform.id()));
                withThis.add(platform);
                Optional<PlatformChain> chain = platforms.chain(platform.id(), withThis);
                if (chain.isEmpty()) {
                    errors.add(new FieldError("extends", "would make a loop: '" + platform.parent() + "' extends '"
                            + platform.id() + "' already"));
                } else if (chain.get().layers().size() > MAX_DEPTH) {
                    errors.add(new FieldError("extends", "makes " + chain.get().layers().size() + " layers; at most "
                            + MAX_DEPTH));
                }
            }
        }
        if (platform.settings().size() > MAX_SETTINGS) {
            errors.add(new FieldError("settings", "must have at most " + MAX_SETTINGS + " keys"));
        }
        platform.settings().forEach((key, value) -> {
            String field = "settings." + key;
            if (key.length() > 64 || value.length() > 1024) {
                errors.add(new FieldError(field, "keys may have at most 64 characters, values 1024"));
            } else {
                errors.addAll(SettingRules.check(field, key, value, SettingRules.Writer.PLATFORM, null));
            }
        });
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    /** The rules profiles on the platform, or on one extending it, would break after a change. */
    private List<FieldError> brokenProfiles(String id, List<PlatformDefinition> known) {
        List<FieldError> broken = new ArrayList<>();
        for (PlatformDefinition platform : known) {
            Optional<PlatformChain> chain = platforms.chain(platform.id(), known);
            if (chain.isEmpty() || !chain.get().ids().contains(id)) {
                continue;
            }
            for (String name : store.profilesOn(platform.id())) {
                profiles.findByName(name).map(Profile::toSpec).ifPresent(spec ->
                        ProfileValidator.checkOnPlatform(spec, chain.get()).forEach(error -> broken.add(
                                new FieldError("profiles." + name + "." + error.field(), error.message()))));
            }
        }
        return broken;
    }

    private static PlatformDefinition definition(String id, PlatformRequest request, long version) {
        Map<String, String> settings = new TreeMap<>();
        if (request.settings() != null) {
            request.settings().forEach((key, value) -> settings.put(key == null ? "" : key.strip(),
                    value == null ? "" : value.strip()));
        }
        return new PlatformDefinition(id, request.description() == null ? "" : request.description().strip(),
                blankToNull(request.parent()), new TreeMap<>(settings), blankToNull(request.osType()),
                blankToNull(request.streamHost()), false, version);
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static String describe(PlatformDefinition platform) {
        return (platform.parent() == null ? "extends nothing" : "extends " + platform.parent()) + ", "
                + platform.settings().size() + " setting(s)";
    }

    private static String target(String id) {
        return "platform:" + id;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

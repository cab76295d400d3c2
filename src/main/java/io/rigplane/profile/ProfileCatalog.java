package io.rigplane.profile;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.profile.internal.ChainRendering;
import io.rigplane.profile.internal.Profile;
import io.rigplane.profile.internal.ProfileRepository;
import io.rigplane.profile.internal.ProfileValidator;
import io.rigplane.profile.platform.PlatformChain;
import io.rigplane.profile.platform.PlatformMove;
import io.rigplane.profile.platform.Platforms;
import io.rigplane.system.ETags;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.Paging;
import io.rigplane.system.PreconditionFailedException;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores, finds and renders profiles. Only valid profiles are stored; every change is audited
 * after it committed.
 */
@Service
public class ProfileCatalog {

    public static final int MAX_PAGE_SIZE = 200;

    private final ProfileRepository profiles;
    private final ProfileValidator validator;
    private final Platforms platforms;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;

    ProfileCatalog(ProfileRepository profiles, ProfileValidator validator, Platforms platforms, AuditTrail audit,
            Clock clock, PlatformTransactionManager transactions) {
        this.profiles = profiles;
        this.validator = validator;
        this.platforms = platforms;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public ProfileView create(ProfileSpec spec) {
        validator.require(spec);
        ProfileView created = transaction.execute(status -> {
            if (profiles.existsByName(spec.name())) {
                throw ProfileConflictException.nameTaken(spec.name());
            }
            checkVmidFree(spec, null);
            return profiles.saveAndFlush(new Profile(spec, clock.instant())).toView();
        });
        audit.record("profile.create", target(spec.name()), AuditOutcome.SUCCESS, null);
        return created;
    }

    public ProfileView get(String name) {
        return readOnly.execute(status -> find(name).toView());
    }

    public ProfileList list(@Nullable String node, @Nullable String tag, int page, int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        return readOnly.execute(status -> {
            Page<Profile> found = profiles.search(blankToNull(node), blankToNull(tag),
                    PageRequest.of(page, size, Sort.by("name")));
            return new ProfileList(found.map(Profile::toView).getContent(), page, size, found.getTotalElements(),
                    found.getTotalPages());
        });
    }

    public long count() {
        return profiles.count();
    }

    /** How many profiles each node has, by node name. */
    public java.util.Map<String, Long> countByNode() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        readOnly.executeWithoutResult(status -> profiles.countByNode()
                .forEach(row -> counts.put((String) row[0], (Long) row[1])));
        return counts;
    }

    /** Replaces the profile's desired state; the name cannot change. */
    public ProfileView update(String name, ProfileSpec spec, @Nullable String ifMatch) {
        if (spec.name() != null && !spec.name().equals(name)) {
            throw new InvalidRequestException(List.of(new FieldError("name",
                    "cannot change (is '" + name + "'); create a new profile instead")));
        }
        validator.require(spec);
        ProfileView updated = transaction.execute(status -> {
            Profile profile = find(name);
            requireMatch(profile, ifMatch);
            checkVmidFree(spec, profile.name());
            profile.apply(spec, clock.instant());
            return profiles.saveAndFlush(profile).toView();
        });
        audit.record("profile.update", target(name), AuditOutcome.SUCCESS, "version " + updated.version());
        return updated;
    }

    /**
     * Forgets a profile; never touches Proxmox. A profile that manages a VM is kept unless the
     * caller releases the VM, which then stays on Proxmox as it is.
     */
    public void delete(String name, @Nullable String ifMatch, boolean releaseVm) {
        Integer released = transaction.execute(status -> {
            Profile profile = find(name);
            requireMatch(profile, ifMatch);
            Integer vmid = profile.boundVmid();
            if (vmid != null && !releaseVm) {
                throw ProfileConflictException.vmExists(name, vmid);
            }
            profiles.delete(profile);
            return vmid;
        });
        audit.record("profile.delete", target(name), AuditOutcome.SUCCESS,
                released == null ? null : "released VM " + released + " (left on Proxmox)");
    }

    public RenderedConfig render(String name) {
        return render(get(name).spec());
    }

    /** Renders a valid profile; a pure function of the profile and its platforms. */
    public RenderedConfig render(ProfileSpec spec) {
        return ChainRendering.render(spec, chain(spec.platform()));
    }

    /**
     * The same profile moved onto another platform: the platform's keys replace the profile's own
     * where it sets them, and the profile keeps the rest that the platform accepts. Nothing is
     * stored; the result may still break the platform's rules (then {@link #check} says which).
     */
    public ProfileSpec onPlatform(ProfileSpec spec, String platform) {
        return PlatformMove.of(spec, chain(platform));
    }

    /** The stream host profiles on the profile's platform run by default: apollo or sunshine. */
    public String defaultStreamHost(String name) {
        String kind = chain(get(name).spec().platform()).streamHost();
        return kind == null ? "apollo" : kind;
    }

    private PlatformChain chain(String platform) {
        return platforms.chain(platform)
                .orElseThrow(() -> new IllegalStateException("stored profiles have a known platform: " + platform));
    }

    /** Records the VM a profile manages (or null once it is gone), for provisioning. */
    public void bindVm(String name, @Nullable Integer vmid) {
        transaction.executeWithoutResult(status -> find(name).bindVm(vmid));
    }

    /** The profile that manages a VM, if one does. */
    public java.util.Optional<String> managing(int vmid) {
        return readOnly.execute(status -> profiles.findByBoundVmid(vmid).map(Profile::name));
    }

    /** Every profile that manages a VM, for drift checks. */
    public List<ProfileView> bound() {
        return readOnly.execute(status -> profiles.findByBoundVmidIsNotNull().stream().map(Profile::toView).toList());
    }

    /** The field errors of a spec, for forms that show them inline. */
    public List<FieldError> check(ProfileSpec spec) {
        return validator.check(spec);
    }

    public List<String> platformIds() {
        return platforms.ids();
    }

    private Profile find(String name) {
        return profiles.findByName(name).orElseThrow(() -> new ProfileNotFoundException(name));
    }

    private void checkVmidFree(ProfileSpec spec, @Nullable String self) {
        if (spec.vmid() == null) {
            return;
        }
        profiles.findByVmid(spec.vmid())
                .filter(owner -> !owner.name().equals(self))
                .ifPresent(owner -> {
                    throw ProfileConflictException.vmidTaken(spec.vmid(), owner.name());
                });
    }

    private static void requireMatch(Profile profile, @Nullable String ifMatch) {
        String etag = profile.toView().etag();
        if (!ETags.ifMatch(ifMatch, etag)) {
            throw new PreconditionFailedException("Profile '" + profile.name() + "'", etag);
        }
    }

    private static String target(String name) {
        return "profile:" + name;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

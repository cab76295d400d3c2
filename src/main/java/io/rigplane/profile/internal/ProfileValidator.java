package io.rigplane.profile.internal;

import io.rigplane.profile.Disk;
import io.rigplane.profile.DiskRole;
import io.rigplane.profile.ProfileSpec;
import io.rigplane.profile.platform.Platform;
import io.rigplane.profile.platform.PlatformChain;
import io.rigplane.profile.platform.Platforms;
import io.rigplane.profile.platform.SettingRules;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * All rules a profile must follow, in one place for the API and the dashboard: field syntax and
 * ranges first, then the rules across fields, then those of its platform.
 */
@Component
public class ProfileValidator {

    private final Validator validator;
    private final Platforms platforms;

    ProfileValidator(Validator validator, Platforms platforms) {
        this.validator = validator;
        this.platforms = platforms;
    }

    /** The broken rules, sorted by field; empty when the profile is valid. */
    public List<FieldError> check(ProfileSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<ProfileSpec> violation : validator.validate(spec)) {
            errors.add(new FieldError(fieldName(violation), violation.getMessage()));
        }
        if (spec.disks() != null && spec.disks().stream().allMatch(java.util.Objects::nonNull)) {
            checkDisks(spec.disks(), errors);
        }
        checkPlacement(spec, errors);
        Optional<PlatformChain> chain = spec.platform() == null || spec.platform().isBlank() ? Optional.empty()
                : platforms.chain(spec.platform());
        if (spec.platform() != null && !spec.platform().isBlank() && chain.isEmpty()) {
            errors.add(new FieldError("platform", "must be one of " + String.join(", ", platforms.ids())));
        }
        if (errors.isEmpty()) {
            chain.ifPresent(c -> errors.addAll(checkOnPlatform(spec, c)));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    /** The rules of the profile's platform: coded ones for windows-11-gaming, the schema's otherwise. */
    public static List<FieldError> checkOnPlatform(ProfileSpec spec, PlatformChain chain) {
        Platform root = chain.root();
        if (root != null) {
            List<FieldError> errors = new ArrayList<>(root.validate(spec));
            for (int i = 0; i < spec.disks().size(); i++) {
                if (spec.disks().get(i).options() != null) {
                    errors.add(new FieldError("disks[" + i + "].options", "cannot be set on " + root.id()
                            + ": the platform sets every disk's options"));
                }
            }
            if (spec.network().model() != null) {
                errors.add(new FieldError("network.model", "must be virtio on " + root.id()));
            }
            return errors;
        }
        List<FieldError> errors = new ArrayList<>();
        SettingRules.Writer writer = chain.isAsIs() ? SettingRules.Writer.AS_IS_PROFILE : SettingRules.Writer.PROFILE;
        spec.settings().forEach((key, value) ->
                errors.addAll(SettingRules.check("settings." + key, key, value, writer, spec)));
        for (int i = 0; i < spec.disks().size(); i++) {
            Disk disk = spec.disks().get(i);
            if (disk.options() != null) {
                String field = "disks[" + i + "].options";
                SettingRules.diskOptionProblems(disk.slot(), disk.options())
                        .forEach(problem -> errors.add(new FieldError(field, problem)));
            }
        }
        return errors;
    }

    public void require(ProfileSpec spec) {
        List<FieldError> errors = check(spec);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** A profile names its node, or lets Rigplane place it among candidates or where its GPU mapping reaches. */
    private static void checkPlacement(ProfileSpec spec, List<FieldError> errors) {
        if (spec.node() != null && spec.node().isBlank()) {
            errors.add(new FieldError("node", "must be a Proxmox node name, or null to let Rigplane place the VM"));
        }
        if (spec.node() == null && spec.nodes().isEmpty() && (spec.gpu() == null || spec.gpu().isBlank())) {
            errors.add(new FieldError("node", "must be set, unless nodes lists candidates or gpu names a mapping whose"
                    + " nodes Rigplane may place the VM on"));
        }
        if (spec.node() != null && !spec.nodes().isEmpty()) {
            errors.add(new FieldError("nodes", "must be empty when node is set: leave node null to let Rigplane choose"
                    + " among these nodes"));
        }
        if (spec.nodes() != null && spec.nodes().stream().distinct().count() < spec.nodes().size()) {
            errors.add(new FieldError("nodes", "must not list a node twice"));
        }
    }

    private static void checkDisks(List<Disk> disks, List<FieldError> errors) {
        Set<String> slots = new HashSet<>();
        int systemDisks = 0;
        for (int i = 0; i < disks.size(); i++) {
            Disk disk = disks.get(i);
            if (disk.slot() != null && !slots.add(disk.slot())) {
                errors.add(new FieldError("disks[" + i + "].slot", "is used by another disk"));
            }
            if (disk.role() == DiskRole.SYSTEM && ++systemDisks == 2) {
                errors.add(new FieldError("disks[" + i + "].role", "must be data: a profile has at most one system disk"));
            }
        }
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // container elements print as "tags[0].<list element>"; the index is what a user needs
        return path.replaceAll("\\.<[^>]+>", "").replace("<map value>", "").replaceAll("\\.$", "");
    }
}

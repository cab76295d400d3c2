package io.rigplane.profile;

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
class ProfileValidator {

    private final Validator validator;
    private final Platforms platforms;

    ProfileValidator(Validator validator, Platforms platforms) {
        this.validator = validator;
        this.platforms = platforms;
    }

    /** The broken rules, sorted by field; empty when the profile is valid. */
    List<FieldError> check(ProfileSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<ProfileSpec> violation : validator.validate(spec)) {
            errors.add(new FieldError(fieldName(violation), violation.getMessage()));
        }
        if (spec.disks() != null && spec.disks().stream().allMatch(java.util.Objects::nonNull)) {
            checkDisks(spec.disks(), errors);
        }
        Optional<Platform> platform = spec.platform() == null ? Optional.empty() : platforms.find(spec.platform());
        if (spec.platform() != null && !spec.platform().isBlank() && platform.isEmpty()) {
            errors.add(new FieldError("platform", "must be one of " + String.join(", ",
                    platforms.all().stream().map(Platform::id).toList())));
        }
        if (errors.isEmpty()) {
            platform.ifPresent(p -> errors.addAll(p.validate(spec)));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    void require(ProfileSpec spec) {
        List<FieldError> errors = check(spec);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
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

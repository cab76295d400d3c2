package io.rigplane.snapshot.policy;

import io.rigplane.snapshot.run.SnapshotNames;
import io.rigplane.system.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a list of policies must satisfy; every broken rule is reported at once. */
public final class PolicyRules {

    public static final int MAX_POLICIES = 10;
    static final int MAX_KEEP = 500;

    private PolicyRules() {
    }

    static List<FieldError> check(List<SnapshotPolicy> policies, boolean gpuPassthrough, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (policies.size() > MAX_POLICIES) {
            errors.add(new FieldError("policies", "at most " + MAX_POLICIES + " policies per profile"));
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            String at = "policies[" + i + "].";
            SnapshotPolicy p = policies.get(i);
            if (p == null) {
                errors.add(new FieldError("policies[" + i + "]", "must be an object"));
                continue;
            }
            if (p.label() == null || !SnapshotNames.LABEL.matcher(p.label()).matches()) {
                errors.add(new FieldError(at + "label", "must be 1-" + SnapshotNames.MAX_LABEL
                        + " of a-z A-Z 0-9 _ -, starting with a letter or digit, so that auto-{label}-{yyyyMMddHHmm}"
                        + " fits Proxmox's 40 characters"));
            } else if (!labels.add(p.label())) {
                errors.add(new FieldError(at + "label", "'" + p.label() + "' is used by another policy of this profile"));
            }
            if (p.cron() == null || p.cron().isBlank()) {
                errors.add(new FieldError(at + "cron", "is required, e.g. '0 3 * * *' for 03:00 every day"));
            } else {
                try {
                    CronSchedule.toQuartz(p.cron(), zoneOrUtc(p.zone()), now);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(at + "cron", e.getMessage()));
                }
            }
            try {
                ZoneId.of(p.zone());
            } catch (DateTimeException e) {
                errors.add(new FieldError(at + "timeZone", "'" + p.timeZone() + "' is not a time zone (e.g. Europe/Berlin)"));
            }
            if (p.keep() == null || p.keep() < 1 || p.keep() > MAX_KEEP) {
                errors.add(new FieldError(at + "keep", "must be between 1 and " + MAX_KEEP));
            }
            if (p.withRam() && gpuPassthrough) {
                errors.add(new FieldError(at + "ramState", "the profile passes a GPU through: Proxmox cannot save the"
                        + " state of a passed-through PCI device, so its snapshots are taken without RAM state"));
            }
        }
        return errors;
    }

    private static ZoneId zoneOrUtc(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}

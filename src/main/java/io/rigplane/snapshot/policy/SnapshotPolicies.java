package io.rigplane.snapshot.policy;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.snapshot.catalog.SnapshotTargets;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A profile's snapshot policies: read, replace (with their triggers, in one transaction). */
@Service
public class SnapshotPolicies {

    private final PolicyStore store;
    private final PolicySchedule schedule;
    private final SnapshotTargets targets;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SnapshotPolicies(PolicyStore store, PolicySchedule schedule, SnapshotTargets targets, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.schedule = schedule;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public PolicyView get(String profile) {
        return view(profile, store.forProfile(targets.profileId(profile)));
    }

    public PolicyView replace(String profile, PolicyList body, Actor actor) {
        long profileId = targets.profileId(profile);
        if (body.policies() == null) {
            throw new InvalidRequestException(List.of(new FieldError("policies", "is required (an empty list removes"
                    + " every policy)")));
        }
        List<SnapshotPolicy> policies = new ArrayList<>(body.policies());
        List<FieldError> errors = PolicyRules.check(policies, targets.gpuPassthrough(profile), clock.instant());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<SnapshotPolicy> normalized = policies.stream().map(SnapshotPolicy::normalized).toList();
        List<StoredPolicy> stored = transaction.execute(status -> {
            List<StoredPolicy> before = store.forProfile(profileId);
            store.replace(profileId, normalized, clock.instant());
            List<StoredPolicy> after = store.forProfile(profileId);
            try {
                for (StoredPolicy gone : before) {
                    if (after.stream().noneMatch(p -> p.id() == gone.id())) {
                        schedule.remove(gone.id());
                    }
                }
                for (StoredPolicy p : after) {
                    schedule.apply(p);
                }
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException("Could not schedule the snapshot policies of " + profile, e);
            }
            return after;
        });
        audit.record(actor, "snapshot.policy", profile, AuditOutcome.SUCCESS, normalized.size() + " policies: "
                + String.join(", ", normalized.stream().map(p -> p.label() + " '" + p.cron() + "' " + p.zone()
                        + " keep " + p.keep() + (p.active() ? "" : " (disabled)")).toList()));
        return view(profile, stored);
    }

    public List<StoredPolicy> stored(String profile) {
        return store.forProfile(targets.profileId(profile));
    }

    private PolicyView view(String profile, List<StoredPolicy> stored) {
        return new PolicyView(profile, stored.stream().map(s -> {
            SnapshotPolicy p = s.policy();
            return new PolicyView.Entry(p.label(), p.cron(), p.zone(), p.keep(), p.withRam(), p.runWhen(), p.active(),
                    p.active() ? schedule.nextRun(s.id()).orElse(null) : null);
        }).toList());
    }
}

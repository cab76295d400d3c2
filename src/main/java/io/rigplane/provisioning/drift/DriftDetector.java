package io.rigplane.provisioning.drift;

import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.plan.Plan;
import io.rigplane.provisioning.plan.ProvisioningPlans;
import io.rigplane.provisioning.DriftFound;
import io.rigplane.proxmox.ProxmoxException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Compares each managed VM with its profile and records what was changed outside Rigplane. */
@Service
public class DriftDetector {

    private static final Logger log = LoggerFactory.getLogger(DriftDetector.class);

    private final ProfileCatalog catalog;
    private final ProvisioningPlans plans;
    private final DriftStore store;
    private final Clock clock;
    @Autowired
    private ApplicationEventPublisher events;

    DriftDetector(ProfileCatalog catalog, ProvisioningPlans plans, DriftStore store, Clock clock) {
        this.catalog = catalog;
        this.plans = plans;
        this.store = store;
        this.clock = clock;
    }

    public DriftReport check(String name) {
        return check(catalog.get(name));
    }

    /** Checks every profile that manages a VM; one failing check does not stop the others. */
    public int checkAll() {
        List<ProfileView> bound = catalog.bound();
        bound.forEach(this::check);
        return bound.size();
    }

    public DriftReport report(String name) {
        catalog.get(name);
        return store.find(name).orElseGet(() -> DriftReport.neverChecked(name));
    }

    /** Whether each checked profile drifted, in one query; a profile never checked has no entry. */
    public java.util.Map<String, Boolean> checked() {
        return store.checked();
    }

    public List<DriftReport> drifted() {
        return store.drifted();
    }

    private DriftReport check(ProfileView profile) {
        String name = profile.spec().name();
        DriftReport report;
        try {
            Plan plan = plans.plan(profile);
            if (!plan.exists() && profile.boundVmid() != null) {
                report = new DriftReport(name, clock.instant(), true, clock.instant(), plan.changes(),
                        "VM " + profile.boundVmid() + " no longer exists on Proxmox");
            } else {
                boolean drifted = plan.exists() && !plan.empty();
                report = new DriftReport(name, clock.instant(), drifted, drifted ? clock.instant() : null,
                        plan.exists() ? plan.changes() : List.of(), null);
            }
        } catch (ProxmoxException e) {
            log.info("Drift check of {} failed: {}", name, e.getMessage());
            DriftReport last = store.find(name).orElseGet(() -> DriftReport.neverChecked(name));
            report = new DriftReport(name, clock.instant(), last.drifted(), last.driftedSince(), last.changes(),
                    e.getMessage());
        }
        if (report.drifted() && !store.find(name).map(DriftReport::drifted).orElse(false)) events.publishEvent(new DriftFound(name, report.changes().size(), report.error()));
        store.save(report);
        return store.find(name).orElse(report);
    }
}

package io.rigplane.power;

import io.rigplane.access.Actor;
import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.power.internal.GpuClaims;
import io.rigplane.power.internal.GpuKey;
import io.rigplane.power.internal.PowerTargets;
import io.rigplane.power.internal.RebootHandler;
import io.rigplane.power.internal.StartHandler;
import io.rigplane.power.internal.StopHandler;
import io.rigplane.profile.GpuPolicy;
import io.rigplane.profile.ProfileView;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Power actions on a profile's VM, each queued as an operation on the profile (so they share the
 * one-operation-per-VM rule with apply). A start first claims the profile's GPU in the database:
 * the claim, not timing, decides which of two profiles sharing a GPU runs.
 */
@Service
public class PowerControl {

    /** A claim this young is never taken for stale: its start may not be queued yet. */
    static final Duration CLAIM_GRACE = Duration.ofSeconds(30);

    private final Operations operations;
    private final ProfileVms vms;
    private final PowerTargets targets;
    private final GpuClaims claims;
    private final AuditTrail audit;
    private final Clock clock;
    @Autowired
    private ApplicationEventPublisher events;

    PowerControl(Operations operations, ProfileVms vms, PowerTargets targets, GpuClaims claims, AuditTrail audit,
            Clock clock) {
        this.operations = operations;
        this.vms = vms;
        this.targets = targets;
        this.claims = claims;
        this.audit = audit;
        this.clock = clock;
    }

    public OperationView start(String profile, Actor actor, @Nullable String idempotencyKey) {
        ProfileView view = targets.profile(profile);
        VmHandle vm = vms.require(profile);
        Optional<GpuKey> gpu = targets.gpu(vm);
        Map<String, String> params = new HashMap<>();
        boolean claimed = false;
        if (gpu.isPresent()) {
            Optional<String> preempted = claimOrPreempt(gpu.get(), view, actor);
            preempted.ifPresent(holder -> params.put(StartHandler.PREEMPT, holder));
            claimed = true;
        }
        try {
            return operations.submit(new OperationRequest(StartHandler.KIND, profile, Map.copyOf(params), actor,
                    idempotencyKey));
        } catch (RuntimeException e) {
            if (claimed && operations.activeFor(profile).isEmpty() && !runningQuietly(vm)) {
                claims.release(gpu.get(), profile);
            }
            throw e;
        }
    }

    public OperationView stop(String profile, Actor actor, @Nullable String idempotencyKey) {
        targets.profile(profile);
        return operations.submit(new OperationRequest(StopHandler.STOP, profile, Map.of(), actor, idempotencyKey));
    }

    public OperationView shutdown(String profile, boolean force, Actor actor, @Nullable String idempotencyKey) {
        targets.profile(profile);
        return operations.submit(new OperationRequest(StopHandler.SHUTDOWN, profile,
                Map.of(StopHandler.FORCE, Boolean.toString(force)), actor, idempotencyKey));
    }

    public OperationView reboot(String profile, Actor actor, @Nullable String idempotencyKey) {
        targets.profile(profile);
        return operations.submit(new OperationRequest(RebootHandler.KIND, profile, Map.of(), actor, idempotencyKey));
    }

    /**
     * The other profile whose VM holds this profile's GPU in Rigplane's books, if any. Empty for a
     * profile without a GPU or without a VM.
     */
    public Optional<String> gpuHolder(String profile) {
        return vms.find(profile).flatMap(targets::gpu).flatMap(claims::holder)
                .map(GpuClaims.Claim::profile).filter(holder -> !holder.equals(profile));
    }

    /** The GPU the profile's VM maps, as {@code mapping on node}; empty without a GPU or a VM. */
    public Optional<String> gpu(String profile) {
        return vms.find(profile).flatMap(targets::gpu)
                .map(gpu -> gpu + (gpu.cluster().isEmpty() ? "" : " (" + gpu.cluster() + ")"));
    }

    /**
     * Takes the GPU for the profile. Held by another: a stale claim (its VM stopped outside Rigplane,
     * nothing queued for it) is dropped; otherwise refused, or handed over when the profile preempts.
     * Returns the preempted holder.
     */
    private Optional<String> claimOrPreempt(GpuKey gpu, ProfileView view, Actor actor) {
        String profile = view.spec().name();
        for (int attempt = 0; attempt < 3; attempt++) {
            if (claims.claim(gpu, profile)) {
                return Optional.empty();
            }
            Optional<GpuClaims.Claim> held = claims.holder(gpu);
            if (held.isEmpty()) {
                continue;
            }
            String holder = held.get().profile();
            if (holder.equals(profile)) {
                return Optional.empty();
            }
            Optional<java.util.UUID> holderOperation = operations.activeFor(holder);
            boolean young = held.get().claimedAt().isAfter(clock.instant().minus(CLAIM_GRACE));
            if (holderOperation.isEmpty() && !young && !holderRunning(holder)) {
                claims.release(gpu, holder);
                continue;
            }
            if (view.spec().gpuPolicy() == GpuPolicy.PREEMPT && holderOperation.isEmpty()
                    && claims.transfer(gpu, holder, profile)) {
                audit.record(actor, "power.preempt", holder, AuditOutcome.SUCCESS,
                        "GPU " + gpu + " handed to " + profile + ", which shuts " + holder + " down first");
                return Optional.of(holder);
            }
            audit.record(actor, "power.start", profile, AuditOutcome.REFUSED, "GPU " + gpu + " held by " + holder);
            events.publishEvent(new GpuWantedWhileBusy(profile, gpu.toString(), holder));
            throw new GpuHeldException(gpu, holder, holderOperation.isPresent()
                    ? " (operation " + holderOperation.get() + " is working on it)" : "");
        }
        throw new GpuHeldException(gpu, claims.holder(gpu).map(GpuClaims.Claim::profile).orElse("?"),
                "; try again");
    }

    /** Drops the claims of profiles whose VM is found stopped with nothing queued (stopped outside Rigplane). */
    public void reconcile() {
        for (GpuClaims.Claim claim : claims.all()) {
            boolean young = claim.claimedAt().isAfter(clock.instant().minus(CLAIM_GRACE));
            if (!young && operations.activeFor(claim.profile()).isEmpty() && !holderRunning(claim.profile())) {
                claims.release(claim.gpu(), claim.profile());
            }
        }
    }

    private boolean holderRunning(String holder) {
        try {
            return vms.find(holder).map(VmHandle::running).orElse(false);
        } catch (io.rigplane.profile.ProfileNotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            // Proxmox did not answer: keep the claim rather than risk two VMs on one GPU
            return true;
        }
    }

    private boolean runningQuietly(VmHandle vm) {
        try {
            return vm.running();
        } catch (RuntimeException e) {
            return true;
        }
    }
}

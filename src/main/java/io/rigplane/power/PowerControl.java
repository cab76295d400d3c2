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
import io.rigplane.power.internal.NodePlacer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Power actions on a profile's VM, each queued as an operation on the profile (so they share the
 * one-operation-per-VM rule with apply). A start first places the VM and claims a GPU device for it
 * in the database: the claim, not timing, decides which of two profiles sharing a device runs.
 */
@Service
public class PowerControl {

    /** A claim this young is never taken for stale: its start may not be queued yet. */
    /** The operation parameter holding the placement as JSON ({@link Placement}). */
    public static final String PLACEMENT = StartHandler.PLACEMENT;

    public static final Duration CLAIM_GRACE = Duration.ofSeconds(30);

    private final Operations operations;
    private final ProfileVms vms;
    private final PowerTargets targets;
    private final GpuClaims claims;
    private final AuditTrail audit;
    private final Clock clock;
    private final NodePlacer placer;
    private final JsonMapper json;
    @Autowired
    private ApplicationEventPublisher events;

    PowerControl(Operations operations, ProfileVms vms, PowerTargets targets, GpuClaims claims, AuditTrail audit,
            Clock clock, NodePlacer placer, JsonMapper json) {
        this.placer = placer;
        this.json = json;
        this.operations = operations;
        this.vms = vms;
        this.targets = targets;
        this.claims = claims;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts the profile's VM: chooses its node (see {@link NodePlacer}), books a free GPU device there in
     * the database (the booking, not timing, decides between starts, on any number of replicas) and
     * queues the start, which migrates a stopped VM to the chosen node first.
     */
    public OperationView start(String profile, Actor actor, @Nullable String idempotencyKey) {
        ProfileView view = targets.profile(profile);
        Optional<OperationView> repeated = operations.submittedUnder(actor, idempotencyKey)
                .filter(earlier -> earlier.kind().equals(StartHandler.KIND) && earlier.target().equals(profile));
        if (repeated.isPresent()) {
            // the same request again: its placement was decided then, not now
            return repeated.get();
        }
        VmHandle vm = vms.require(profile);
        boolean running = vmRunning(vm);
        Booking booking = book(view, vm, placer.options(view.spec(), vm, running), actor);
        Map<String, String> params = new HashMap<>();
        params.put(StartHandler.NODE, booking.placement().node());
        params.put(StartHandler.PLACEMENT, json.writeValueAsString(booking.placement()));
        if (booking.preempted() != null) {
            params.put(StartHandler.PREEMPT, booking.preempted());
        }
        try {
            return operations.submit(new OperationRequest(StartHandler.KIND, profile, Map.copyOf(params), actor,
                    idempotencyKey));
        } catch (RuntimeException e) {
            if (booking.device() != null && operations.activeFor(profile).isEmpty() && !running) {
                claims.release(booking.device(), profile);
            }
            throw e;
        }
    }

    /** The node chosen, the device booked there (null without a GPU) and the holder preempted for it. */
    private record Booking(Placement placement, @Nullable GpuKey device, @Nullable String preempted) {
    }

    private Booking book(ProfileView view, VmHandle vm, NodePlacer.Options options, Actor actor) {
        String profile = view.spec().name();
        if (options.fit().isEmpty()) {
            audit.record(actor, "power.start", profile, AuditOutcome.REFUSED, "no node fits");
            throw new PlacementRefusedException(profile, options.unfit());
        }
        if (view.spec().gpu() == null) {
            return new Booking(placement(vm, options, options.fit().get(0), null, "", Map.of()), null, null);
        }
        List<GpuClaims.Claim> mine = claims.heldBy(profile);
        for (NodePlacer.Candidate candidate : options.fit()) {
            for (GpuKey device : candidate.devices()) {
                if (mine.stream().anyMatch(claim -> same(claim.gpu(), device))) {
                    return new Booking(placement(vm, options, candidate, device, "; the profile holds device "
                            + device.device() + " of " + device.mapping() + " there already", Map.of()), device, null);
                }
            }
        }
        Map<String, String> busy = new LinkedHashMap<>();
        Map<GpuKey, String> holders = new LinkedHashMap<>();
        for (NodePlacer.Candidate candidate : options.fit()) {
            List<String> held = new ArrayList<>();
            for (GpuKey device : candidate.devices()) {
                Optional<String> holder = tryClaim(device, profile);
                if (holder.isEmpty()) {
                    mine.forEach(old -> claims.release(old.gpu(), profile));
                    return new Booking(placement(vm, options, candidate, device, "; device " + device.device() + " of "
                            + device.mapping() + " is free there", busy), device, null);
                }
                holders.put(device, holder.get());
                held.add(device.device() + " by '" + holder.get() + "'");
            }
            busy.put(candidate.node(), "all " + held.size() + " device" + (held.size() == 1 ? "" : "s") + " of "
                    + view.spec().gpu() + " held: " + String.join(", ", held));
        }
        if (holders.isEmpty()) {
            // a running VM on a node its mapping has no device on: nothing to book, its start does nothing
            return new Booking(placement(vm, options, options.fit().get(0), null, "", busy), null, null);
        }
        List<Placement.Alternative> why = new ArrayList<>();
        busy.forEach((node, reason) -> why.add(new Placement.Alternative(node, reason)));
        why.addAll(options.unfit());
        if (view.spec().gpuPolicy() == GpuPolicy.PREEMPT) {
            for (NodePlacer.Candidate candidate : options.fit()) {
                for (GpuKey device : candidate.devices()) {
                    String holder = holders.get(device);
                    if (holder != null && operations.activeFor(holder).isEmpty()
                            && claims.transfer(device, holder, profile)) {
                        audit.record(actor, "power.preempt", holder, AuditOutcome.SUCCESS, "GPU " + device
                                + " handed to " + profile + ", which shuts " + holder + " down first");
                        return new Booking(placement(vm, options, candidate, device, "; device " + device.device()
                                + " is taken over from '" + holder + "', which shuts down first", busy), device, holder);
                    }
                }
            }
        }
        Map.Entry<GpuKey, String> first = holders.entrySet().iterator().next();
        Optional<UUID> holderOperation = operations.activeFor(first.getValue());
        audit.record(actor, "power.start", profile, AuditOutcome.REFUSED, "GPU " + first.getKey() + " held by "
                + first.getValue());
        events.publishEvent(new GpuWantedWhileBusy(profile, first.getKey().toString(), first.getValue()));
        throw new GpuHeldException(first.getKey(), first.getValue(), holderOperation.isPresent()
                ? " (operation " + holderOperation.get() + " is working on it)" : "", why);
    }

    /**
     * Takes the device for the profile; empty when it did, else the holder. A stale claim (its VM
     * stopped outside Rigplane, nothing queued for it) is dropped first.
     */
    private Optional<String> tryClaim(GpuKey device, String profile) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (claims.claim(device, profile)) {
                return Optional.empty();
            }
            Optional<GpuClaims.Claim> held = claims.holder(device);
            if (held.isEmpty()) {
                continue;
            }
            String holder = held.get().profile();
            if (holder.equals(profile)) {
                return Optional.empty();
            }
            boolean young = held.get().claimedAt().isAfter(clock.instant().minus(CLAIM_GRACE));
            if (young || operations.activeFor(holder).isPresent() || holderRunning(holder)) {
                return Optional.of(holder);
            }
            claims.release(held.get().gpu(), holder);
        }
        return Optional.of(claims.holder(device).map(GpuClaims.Claim::profile).orElse("?"));
    }

    private static Placement placement(VmHandle vm, NodePlacer.Options options, NodePlacer.Candidate chosen,
            @Nullable GpuKey device, String deviceReason, Map<String, String> busy) {
        boolean moves = !chosen.node().equals(vm.node());
        String reason = chosen.why() + deviceReason + (moves ? "; the stopped VM moves there from " + vm.node()
                + " (offline migration)" : "");
        List<Placement.Alternative> alternatives = new ArrayList<>();
        for (NodePlacer.Candidate other : options.fit()) {
            if (!other.node().equals(chosen.node())) {
                alternatives.add(new Placement.Alternative(other.node(), busy.getOrDefault(other.node(),
                        "less preferred: " + other.why())));
            }
        }
        alternatives.addAll(options.unfit());
        return new Placement(chosen.node(), reason, alternatives, moves ? vm.node() : null,
                device == null ? null : device.device());
    }

    private static boolean same(GpuKey a, GpuKey b) {
        return a.cluster().equals(b.cluster()) && a.node().equals(b.node())
                && (a.device().equals(b.device()) || a.device().equals(b.legacy()));
    }

    /** Running as far as Rigplane can tell: a VM on a sleeping node is not; one Proxmox does not answer for is. */
    private boolean vmRunning(VmHandle vm) {
        try {
            boolean nodeOnline = vm.client().nodes().stream().anyMatch(n -> n.node().equals(vm.node()) && n.online());
            return nodeOnline && vm.running();
        } catch (RuntimeException e) {
            return true;
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
     * The other profile whose VM holds the GPU device this profile would want, when every device its
     * VM could use is held; empty when one is free, when the profile holds one, or without a GPU or VM.
     */
    public Optional<String> gpuHolder(String profile) {
        ProfileView view = targets.profile(profile);
        if (view.spec().gpu() == null) {
            return Optional.empty();
        }
        Optional<VmHandle> vm = vms.find(profile);
        if (vm.isEmpty() || !claims.heldBy(profile).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> first = Optional.empty();
        // looked at every half second by each waiting session: whether the VM runs is for the start to ask
        for (NodePlacer.Candidate candidate : placer.options(view.spec(), vm.get(), false).fit()) {
            for (GpuKey device : candidate.devices()) {
                Optional<String> holder = claims.holder(device).map(GpuClaims.Claim::profile);
                if (holder.isEmpty()) {
                    return Optional.empty();
                }
                first = first.isPresent() ? first : holder;
            }
        }
        return first.filter(holder -> !holder.equals(profile));
    }

    /** The GPU mapping the profile's VM uses, with its cluster; empty without a GPU or a VM. */
    public Optional<String> gpu(String profile) {
        return vms.find(profile).flatMap(vm -> Optional.ofNullable(targets.profile(profile).spec().gpu())
                .map(mapping -> mapping + (vm.cluster().isEmpty() ? "" : " (" + vm.cluster() + ")")));
    }

    /** Every GPU device held in Rigplane's books, by cluster, node and device: who uses which GPU. */
    public List<GpuHolder> gpuHolders() {
        return claims.all().stream().map(claim -> new GpuHolder(claim.gpu().cluster(), claim.gpu().node(),
                claim.gpu().mapping(), claim.gpu().device(), claim.profile(), claim.claimedAt())).toList();
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
}

package io.rigplane.overview;

import io.rigplane.operation.OperationBrief;
import io.rigplane.operation.Operations;
import io.rigplane.power.FleetPower;
import io.rigplane.power.FleetPower.FleetNode;
import io.rigplane.profile.ProfileCatalog;
import io.rigplane.profile.ProfileList;
import io.rigplane.profile.ProfileView;
import io.rigplane.profile.SyncState;
import io.rigplane.profile.SyncStatus;
import io.rigplane.profile.VmState;
import io.rigplane.proxmox.ProxmoxException;
import io.rigplane.session.LiveSessions;
import io.rigplane.snapshot.SnapshotOutlook;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads the whole fleet for the overview in a fixed number of queries (and one read of Proxmox per
 * cluster), whatever the number of profiles and nodes: every module answers for all profiles at once.
 */
@Component
class Fleet {

    static final int RECENT_OPERATIONS = 10;

    private final ProfileCatalog catalog;
    private final FleetPower power;
    private final LiveSessions sessions;
    private final SnapshotOutlook snapshots;
    private final Operations operations;
    private final SyncStatus sync;
    private final Clock clock;

    Fleet(ProfileCatalog catalog, FleetPower power, LiveSessions sessions, SnapshotOutlook snapshots,
            Operations operations, ObjectProvider<SyncStatus> sync, Clock clock) {
        this.catalog = catalog;
        this.power = power;
        this.sessions = sessions;
        this.snapshots = snapshots;
        this.operations = operations;
        this.sync = sync.getIfAvailable(() -> SyncStatus.UNKNOWN);
        this.clock = clock;
    }

    Glance read() {
        ProfileList list = catalog.list(null, null, 0, ProfileCatalog.MAX_PAGE_SIZE);
        List<ProfileView> profiles = list.items();
        List<String> names = profiles.stream().map(p -> p.spec().name()).toList();
        Map<String, VmState> vms = power.of(profiles);
        List<OperationBrief> active = operations.active();
        List<FleetNode> nodes = List.of();
        @Nullable String nodesError = null;
        try {
            nodes = power.nodes(vms, profiles.stream().collect(Collectors.toMap(p -> p.spec().name(),
                    p -> p.spec().node())), active);
        } catch (ProxmoxException e) {
            nodesError = e.getMessage();
        }
        Map<String, SyncState> drift = sync.of(names);
        Map<String, LiveSessions.LiveSession> live = sessions.byProfile();
        Map<String, SnapshotOutlook.Outlook> outlooks = snapshots.byProfile();
        Map<String, OperationBrief> last = operations.latestOf(names);
        List<ProfileGlance> glances = profiles.stream().map(p -> {
            String name = p.spec().name();
            return new ProfileGlance(p, vms.getOrDefault(name, new VmState(null, null, VmState.UNKNOWN)),
                    live.get(name), drift.getOrDefault(name, SyncState.NEVER_CHECKED), outlooks.get(name),
                    last.get(name));
        }).toList();
        return new Glance(glances, list.totalItems(), nodes, nodesError, operations.recent(RECENT_OPERATIONS),
                clock.instant());
    }

    /** The fleet as read at one moment. */
    record Glance(List<ProfileGlance> profiles, long totalProfiles, List<FleetNode> nodes,
            @Nullable String nodesError, List<OperationBrief> recent, Instant now) {

        public long running() {
            return profiles.stream().filter(p -> p.vm().running()).count();
        }

        public long streaming() {
            return profiles.stream().filter(p -> p.session() != null).count();
        }

        public long drifted() {
            return profiles.stream().filter(p -> p.sync() == SyncState.DRIFTED).count();
        }

        public String ago(Instant moment) {
            return Ago.between(moment, now);
        }
    }
}

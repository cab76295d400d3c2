package io.rigplane.overview;

import io.rigplane.operation.OperationBrief;
import io.rigplane.profile.ProfileView;
import io.rigplane.profile.SyncState;
import io.rigplane.profile.VmState;
import io.rigplane.session.LiveSessions.LiveSession;
import io.rigplane.snapshot.SnapshotOutlook.Outlook;
import org.jspecify.annotations.Nullable;

/** One profile as the overview shows it: its VM's power, live session, drift, snapshots and last operation. */
record ProfileGlance(ProfileView profile, VmState vm, @Nullable LiveSession session, SyncState sync,
        @Nullable Outlook snapshots, @Nullable OperationBrief lastOperation) {

    public String name() {
        return profile.spec().name();
    }

    /** The VM's real id where it has one; the id the profile asks for otherwise. */
    public @Nullable Integer vmid() {
        return vm.vmid() != null ? vm.vmid() : profile.spec().vmid();
    }

    public String node() {
        return vm.node() != null ? vm.node() : profile.spec().node();
    }

    public String syncBadge() {
        return sync.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String syncText() {
        return switch (sync) {
            case DRIFTED -> "drifted";
            case IN_SYNC -> "in sync";
            case NEVER_CHECKED -> "never checked";
        };
    }
}

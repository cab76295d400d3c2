package io.rigplane.session.internal;

import java.util.EnumSet;
import java.util.Set;

/** Where a wake-and-stream session is, in the order a session passes through them. */
public enum SessionState {
    REQUESTED, WAKING_HOST, STARTING_VM, WAITING_FOR_STREAM_HOST, READY, ACTIVE, ENDING, ENDED, FAILED;

    static final Set<SessionState> STARTING = EnumSet.of(REQUESTED, WAKING_HOST, STARTING_VM, WAITING_FOR_STREAM_HOST);
    static final Set<SessionState> STREAMABLE = EnumSet.of(READY, ACTIVE);
    static final Set<SessionState> LIVE = EnumSet.of(REQUESTED, WAKING_HOST, STARTING_VM, WAITING_FOR_STREAM_HOST,
            READY, ACTIVE);

    /** Holds or is about to hold the VM: everything before ENDING. */
    public boolean live() {
        return LIVE.contains(this);
    }

    public boolean finished() {
        return this == ENDED || this == FAILED;
    }
}

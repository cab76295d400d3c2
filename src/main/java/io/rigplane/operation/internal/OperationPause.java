package io.rigplane.operation.internal;

import java.time.Duration;

/**
 * Ends the firing of a handler that yields where it must wait, leaving its step running: the runner
 * hands {@link #ready} to the {@link WaitPoller} and gives the Quartz thread back. An {@code Error},
 * not an {@code Exception}, so that a handler's own {@code catch (Exception)}, which cleans up after a
 * failure (a start releases its GPU claim), lets it pass as what it is: not a failure.
 */
public final class OperationPause extends Error {

    private final transient Duration interval;
    private final transient Ready ready;

    OperationPause(Duration interval, Ready ready) {
        super("waiting", null, false, false);
        this.interval = interval;
        this.ready = ready;
    }

    /** How long to wait before looking again. */
    Duration interval() {
        return interval;
    }

    /** Whether what the handler waits for is there (or its deadline passed): time for the next firing. */
    Ready ready() {
        return ready;
    }

    @FunctionalInterface
    interface Ready {
        boolean ready() throws Exception;
    }
}

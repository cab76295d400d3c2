package io.rigplane.bench;

import java.time.Duration;

/**
 * What the simulator itself takes on the way to a stream, in the order it sequences them: a woken
 * node is online after {@code nodeBoot}; the start task runs {@code task} before the VM runs; the
 * guest agent answers {@code guestBoot} later and the stream host listens {@code streamHostDelay}
 * after that (simulator PowerRoutes.startWork and bootGuest, NodeRoutes.scheduleBoot).
 */
record SimulatorDurations(Duration task, Duration nodeBoot, Duration guestBoot, Duration streamHostDelay) {

    /** The least time to a stream: no control plane could be faster than the simulated hardware. */
    Duration intrinsic(boolean nodeAsleep) {
        return (nodeAsleep ? nodeBoot : Duration.ZERO).plus(fromStartCall());
    }

    /** From the start call reaching Proxmox until the stream host listens. */
    Duration fromStartCall() {
        return task.plus(guestBoot).plus(streamHostDelay);
    }
}

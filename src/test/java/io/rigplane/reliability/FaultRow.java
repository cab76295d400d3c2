package io.rigplane.reliability;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.RestartablePostgres;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One row of the fault matrix: what goes wrong, when, and what the operations may then do.
 */
record FaultRow(String name, Fault inject, Fault during, Fault heal, boolean allMustSucceed, Pattern reason,
        Duration bound) {

    /** The parts of the world a row may break. */
    record World(ProxmoxSimulator simulator, RestartablePostgres postgres, Api api) {
    }

    interface Fault {
        Fault NONE = world -> { };

        void apply(World world) throws Exception;
    }

    private static final Duration BOUND = Duration.ofSeconds(60);

    /** Proxmox is slow or busy but answers in the end: every operation succeeds. */
    static FaultRow absorbed(String name, Fault inject) {
        return new FaultRow(name, inject, Fault.NONE, Fault.NONE, true, Pattern.compile(".*"), BOUND);
    }

    /** Some operations may fail, each with an error that matches {@code reason}. */
    static FaultRow failing(String name, Fault inject, String reason) {
        return new FaultRow(name, inject, Fault.NONE, Fault.NONE, false, Pattern.compile(reason, Pattern.DOTALL), BOUND);
    }

    /** Something happens while the operations run (after they were accepted), then is healed. */
    FaultRow whileRunning(Fault action) {
        return new FaultRow(name, inject, action, heal, allMustSucceed, reason, bound);
    }

    FaultRow healedBy(Fault action) {
        return new FaultRow(name, inject, during, action, allMustSucceed, reason, bound);
    }

    FaultRow within(Duration other) {
        return new FaultRow(name, inject, during, heal, allMustSucceed, reason, other);
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.rigplane.simulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** What every group of routes shares: the cluster, the task runner, the faults and the settings. */
final class SimContext {
    final SimulatorSettings settings;
    final Faults faults;
    final Tasks tasks = new Tasks();
    final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "pve-sim-timer");
        t.setDaemon(true);
        return t;
    });
    volatile ClusterState state;
    volatile ConfigWriter writer;
    final StreamHosts streamHosts;
    String fingerprint;
    /** How long an offline migration copies one GiB of a disk on local storage. */
    volatile long migrationMillisPerGiB = 20;

    SimContext(SimulatorSettings settings, StreamHosts streamHosts) {
        this.settings = settings;
        this.faults = new Faults(settings.seed());
        this.streamHosts = streamHosts;
        resetState();
    }

    void resetState() {
        ClusterState fresh = ClusterState.build(settings, System.currentTimeMillis());
        this.state = fresh;
        this.writer = new ConfigWriter(fresh);
    }

    long taskMillis() {
        Long override = faults.taskMillis();
        return override != null ? override : settings.taskDuration().toMillis();
    }

    /** The config file lock: busy under the lock-contention fault, like a 10 s flock timeout. */
    void lockConfig(int vmid) {
        if (faults.roll(faults.lockContentionRate())) {
            throw PveError.server("can't lock file '/var/lock/qemu-server/lock-" + vmid + ".conf' - got timeout");
        }
    }

    static void checkLock(SimVm vm, boolean skiplock) {
        if (vm.lock() != null && !skiplock) {
            throw PveError.server("VM is locked (" + vm.lock() + ")");
        }
    }

    /** Inside a task: the injected failure, if this task draws it. */
    void maybeFailTask(String what) {
        if (faults.roll(faults.taskFailureRate())) {
            throw new Tasks.TaskFailure(what + " failed: simulated failure (fault injection)");
        }
    }

    static void sleep(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    static long now() {
        return System.currentTimeMillis();
    }
}

package io.rigplane.provisioning;

import io.rigplane.provisioning.plan.Observed;
import io.rigplane.proxmox.PendingChange;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.VmConfig;
import io.rigplane.system.ElasticThreadPool;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads a VM's pending changes and status while its config is being read. One after another, the
 * three reads made every plan wait for three round trips to Proxmox; side by side, for about one
 * (issue 15). Bounded: beyond {@link #THREADS} reads at once the rest wait in line.
 */
@Component
class VmReads implements DisposableBean {

    private static final int THREADS = 16;

    private final ThreadPoolExecutor pool = ElasticThreadPool.of("vm-reads", THREADS, Duration.ofSeconds(30));

    /** Starts both reads; {@link Reading#with} joins them to the config, {@link Reading#discard} drops them. */
    Reading start(ProxmoxClient client, String node, int vmid) {
        Future<Set<String>> pending = pool.submit(() -> client.pending(node, vmid).stream()
                .filter(PendingChange::isPending).map(PendingChange::key).collect(Collectors.toSet()));
        Future<Boolean> running = pool.submit(() -> client.status(node, vmid).running());
        return new Reading(pending, running);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** Pending keys and status on their way. */
    record Reading(Future<Set<String>> pending, Future<Boolean> running) {

        Observed with(VmConfig config) {
            return new Observed(config.values(), join(pending), join(running));
        }

        /** For a VM found elsewhere: what these reads answer (or fail with) is not about it. */
        void discard() {
            pending.cancel(false);
            running.cancel(false);
        }

        private static <T> T join(Future<T> read) {
            try {
                return read.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading a VM", e);
            }
        }
    }
}

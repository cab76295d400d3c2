package io.rigplane.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs worker tasks the way pvedaemon forks them: the API call answers the UPID at once; the work,
 * its log and its exit status are visible through the task endpoints. Errors raised inside the work
 * end the task with {@code TASK ERROR: ...} instead of failing the HTTP call.
 */
final class Tasks {

    interface Work {
        void run(SimTask task) throws Exception;
    }

    /** Runs when the work failed or was interrupted, to undo what the real server would undo. */
    interface Cleanup {
        void run();
    }

    private final Map<String, SimTask> byUpid = new ConcurrentHashMap<>();
    private final List<SimTask> ordered = new ArrayList<>();
    private final AtomicInteger pids = new AtomicInteger(0x1000);
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pve-sim-task");
        t.setDaemon(true);
        return t;
    });
    private final long bootEpochSeconds = System.currentTimeMillis() / 1000 - 86_400;

    SimTask start(String node, String type, String id, Caller caller, Work work, Cleanup cleanup) {
        long now = System.currentTimeMillis() / 1000;
        int pid = pids.incrementAndGet();
        long pstart = (now - bootEpochSeconds) * 100;
        SimTask task = new SimTask(node, pid, pstart, now, type, id, caller.user(), caller.tokenId());
        byUpid.put(task.upid, task);
        synchronized (ordered) {
            ordered.add(task);
        }
        workers.execute(() -> {
            task.worker = Thread.currentThread();
            try {
                work.run(task);
                task.finishOk();
            } catch (InterruptedException e) {
                task.finishError("interrupted by signal");
                runCleanup(cleanup);
            } catch (PveError e) {
                task.finishError(taskText(e));
                runCleanup(cleanup);
            } catch (TaskFailure e) {
                task.finishError(e.getMessage());
                runCleanup(cleanup);
            } catch (Exception e) {
                task.finishError(String.valueOf(e.getMessage()));
                runCleanup(cleanup);
            } finally {
                task.worker = null;
                Thread.interrupted();
            }
        });
        return task;
    }

    private static void runCleanup(Cleanup cleanup) {
        if (cleanup != null) {
            cleanup.run();
        }
    }

    SimTask find(String upid) {
        return byUpid.get(upid);
    }

    List<SimTask> all() {
        synchronized (ordered) {
            return new ArrayList<>(ordered);
        }
    }

    void stop(SimTask task) {
        Thread t = task.worker;
        if (t != null) {
            t.interrupt();
        }
    }

    void clear() {
        all().forEach(this::stop);
        byUpid.clear();
        synchronized (ordered) {
            ordered.clear();
        }
    }

    void shutdown() {
        clear();
        workers.shutdownNow();
    }

    /**
     * A die inside a worker as its exit status: PVE::Exception's text (with the status code and
     * the per-parameter errors for a parameter error), new lines folded into spaces.
     */
    static String taskText(PveError e) {
        StringBuilder text = new StringBuilder(e.getMessage().strip());
        if (e.errors() != null) {
            text.insert(0, e.status() + " ");
            e.errors().forEach((k, v) -> text.append(' ').append(k).append(": ").append(v.strip()));
        }
        return text.toString();
    }

    /** An error inside a task; its message becomes the exit status. */
    static final class TaskFailure extends RuntimeException {
        TaskFailure(String message) {
            super(message);
        }
    }
}

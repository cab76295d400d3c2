package io.rigplane.system;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads for bursts of work: up to a maximum at once (beyond it tasks wait in line), each
 * ending after being idle for a while. A plain fixed pool keeps every thread it ever started, so a
 * service that once drove 32 sessions at about the same time held 32 idle threads for good.
 */
public final class ElasticThreadPool {

    private ElasticThreadPool() {
    }

    public static ThreadPoolExecutor of(String name, int maxThreads, Duration idle) {
        AtomicInteger count = new AtomicInteger();
        // all threads are core threads that may time out: a pool that grows past its core only once its
        // queue is full would never grow with an unbounded queue, and one that hands tasks to idle threads
        // first can queue a task for a thread that is just timing out
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, idle.toMillis(),
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}

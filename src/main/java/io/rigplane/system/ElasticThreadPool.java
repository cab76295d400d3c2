package io.rigplane.system;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads for bursts of work: an idle thread takes the next task, a new one is started only
 * when all are busy, up to a maximum (beyond it tasks wait in line), and a thread idle for a while
 * ends. A plain fixed pool starts a new thread for every task until it is full and keeps them all,
 * so a service that once drove 32 sessions, or 32 one after the other, held 32 idle threads for good.
 */
public final class ElasticThreadPool extends ThreadPoolExecutor {

    private final AtomicInteger unfinished = new AtomicInteger();

    private ElasticThreadPool(int maxThreads, Duration idle, String name, Queue queue) {
        super(0, maxThreads, idle.toMillis(), TimeUnit.MILLISECONDS, queue, daemons(name));
        queue.pool = this;
    }

    public static ElasticThreadPool of(String name, int maxThreads, Duration idle) {
        return new ElasticThreadPool(maxThreads, idle, name, new Queue());
    }

    @Override
    public void execute(Runnable task) {
        unfinished.incrementAndGet();
        try {
            super.execute(task);
        } catch (RejectedExecutionException e) {
            unfinished.decrementAndGet();
            throw e;
        }
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        unfinished.decrementAndGet();
    }

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Refuses a task (so that the pool starts a thread for it) only while every thread is busy and
     * the pool may still grow; otherwise an idle thread, or the next to finish, takes it from here.
     */
    private static final class Queue extends LinkedBlockingQueue<Runnable> {

        private ElasticThreadPool pool;

        @Override
        public boolean offer(Runnable task) {
            int threads = pool.getPoolSize();
            if (threads < pool.getMaximumPoolSize() && pool.unfinished.get() > threads) {
                return false;
            }
            return super.offer(task);
        }
    }
}

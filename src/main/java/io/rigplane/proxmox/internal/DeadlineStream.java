package io.rigplane.proxmox.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body that must be read by a deadline. The JDK client's request timeout ends once the
 * headers arrived, so a body that stalls after them would block its reader for good. One shared
 * timer closes the stream at the deadline, which wakes a blocked read; that read then reports a
 * timeout rather than a short body.
 */
final class DeadlineStream extends FilterInputStream {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> expiry;
    private volatile boolean expired;

    DeadlineStream(InputStream body, long deadlineNanos) {
        super(body);
        this.expiry = TIMER.schedule(this::expire, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int read() throws IOException {
        return checked(readOrFail(() -> super.read()));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return checked(readOrFail(() -> super.read(b, off, len)));
    }

    @Override
    public void close() throws IOException {
        expiry.cancel(false);
        super.close();
    }

    private interface Read {
        int run() throws IOException;
    }

    /** A read the timer cut short fails as a timeout whichever way the closed stream answered it. */
    private int readOrFail(Read read) throws IOException {
        try {
            return read.run();
        } catch (IOException e) {
            if (expired) {
                throw timeout();
            }
            throw e;
        }
    }

    /** Data read is data; only an end of the body may be the timer's doing. */
    private int checked(int n) throws IOException {
        if (n == -1) {
            expiry.cancel(false);
            if (expired) {
                throw timeout();
            }
        }
        return n;
    }

    private static HttpTimeoutException timeout() {
        return new HttpTimeoutException("the answer's body did not arrive within the read timeout");
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is all the timer can do; the reader reports the timeout
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "proxmox-body-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // most bodies arrive long before their deadline: drop cancelled timers at once, not after 30 s
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}

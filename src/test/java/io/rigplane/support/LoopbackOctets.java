package io.rigplane.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Second octets of the simulated guests' 127.N.x.y addresses. Guests' stream hosts listen on fixed
 * ports (47989, as Apollo does), so two simulators alive at once must not share an octet: each test
 * JVM of a run (surefire forks, numbered from 1 in {@code rigplane.test.fork}) takes a range of its
 * own and hands its octets out in turn.
 */
public final class LoopbackOctets {

    private static final int FIRST = 1;
    private static final int LAST = 249;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private LoopbackOctets() {
    }

    public static int next() {
        int forks = Math.max(1, Integer.getInteger("rigplane.test.forks", 1));
        int fork = Math.min(forks, Math.max(1, Integer.getInteger("rigplane.test.fork", 1)));
        int size = (LAST - FIRST + 1) / forks;
        int start = FIRST + (fork - 1) * size;
        return start + Math.floorMod(NEXT.getAndIncrement(), size);
    }
}

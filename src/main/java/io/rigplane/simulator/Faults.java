package io.rigplane.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Faults a test (or a run) asks for. Every random decision comes from one generator seeded with
 * {@link #seed}, so the same seed and the same sequence of calls give the same faults.
 */
public final class Faults {
    private long seed;
    private Random random;
    private long latencyMillis;
    private long bodyStallMillis;
    private double errorRate;
    private int errorStatus = 500;
    private double lockContentionRate;
    private double taskFailureRate;
    private Long taskMillis;
    private boolean guestNeverReady;
    private boolean streamHostNeverReady;

    Faults(long seed) {
        reseed(seed);
    }

    public synchronized Faults reseed(long newSeed) {
        this.seed = newSeed;
        this.random = new Random(newSeed);
        return this;
    }

    /** No faults: every call and task as the configured cluster answers it. */
    public synchronized Faults clear() {
        latencyMillis = 0;
        bodyStallMillis = 0;
        errorRate = 0;
        errorStatus = 500;
        lockContentionRate = 0;
        taskFailureRate = 0;
        taskMillis = null;
        guestNeverReady = false;
        streamHostNeverReady = false;
        return this;
    }

    public synchronized Faults latencyMillis(long v) {
        latencyMillis = v;
        return this;
    }

    /** A pause in the middle of every answer's body: a connection that stalls after the headers. */
    public synchronized Faults bodyStallMillis(long v) {
        bodyStallMillis = v;
        return this;
    }

    /** Share (0..1) of API calls answered with {@link #errorStatus(int)} instead of being served. */
    public synchronized Faults errorRate(double v) {
        errorRate = v;
        return this;
    }

    /** 500 (internal error) or 596 (proxied call timed out). */
    public synchronized Faults errorStatus(int v) {
        errorStatus = v;
        return this;
    }

    /** Share of modifying calls whose VM config lock is busy ("got timeout"). */
    public synchronized Faults lockContentionRate(double v) {
        lockContentionRate = v;
        return this;
    }

    public synchronized Faults taskFailureRate(double v) {
        taskFailureRate = v;
        return this;
    }

    /** Overrides how long every worker task takes; null restores the configured durations. */
    public synchronized Faults taskMillis(Long v) {
        taskMillis = v;
        return this;
    }

    public synchronized Faults guestNeverReady(boolean v) {
        guestNeverReady = v;
        return this;
    }

    public synchronized Faults streamHostNeverReady(boolean v) {
        streamHostNeverReady = v;
        return this;
    }

    synchronized boolean roll(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    synchronized long latencyMillis() {
        return latencyMillis;
    }

    synchronized long bodyStallMillis() {
        return bodyStallMillis;
    }

    synchronized double errorRate() {
        return errorRate;
    }

    synchronized int errorStatus() {
        return errorStatus;
    }

    synchronized double lockContentionRate() {
        return lockContentionRate;
    }

    synchronized double taskFailureRate() {
        return taskFailureRate;
    }

    synchronized Long taskMillis() {
        return taskMillis;
    }

    synchronized boolean guestNeverReady() {
        return guestNeverReady;
    }

    synchronized boolean streamHostNeverReady() {
        return streamHostNeverReady;
    }

    synchronized Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("latencyMillis", latencyMillis);
        m.put("bodyStallMillis", bodyStallMillis);
        m.put("errorRate", errorRate);
        m.put("errorStatus", errorStatus);
        m.put("lockContentionRate", lockContentionRate);
        m.put("taskFailureRate", taskFailureRate);
        m.put("taskMillis", taskMillis);
        m.put("guestNeverReady", guestNeverReady);
        m.put("streamHostNeverReady", streamHostNeverReady);
        return m;
    }

    /** Applies the fields present in a control request; unknown fields are refused. */
    synchronized void apply(Map<String, Object> body) {
        for (Map.Entry<String, Object> e : body.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "seed" -> reseed(((Number) v).longValue());
                case "latencyMillis" -> latencyMillis = ((Number) v).longValue();
                case "bodyStallMillis" -> bodyStallMillis = ((Number) v).longValue();
                case "errorRate" -> errorRate = ((Number) v).doubleValue();
                case "errorStatus" -> errorStatus = ((Number) v).intValue();
                case "lockContentionRate" -> lockContentionRate = ((Number) v).doubleValue();
                case "taskFailureRate" -> taskFailureRate = ((Number) v).doubleValue();
                case "taskMillis" -> taskMillis = v == null ? null : ((Number) v).longValue();
                case "guestNeverReady" -> guestNeverReady = (Boolean) v;
                case "streamHostNeverReady" -> streamHostNeverReady = (Boolean) v;
                case "offlineNodes" -> { }
                default -> throw new IllegalArgumentException("unknown fault '" + e.getKey() + "'");
            }
        }
    }
}

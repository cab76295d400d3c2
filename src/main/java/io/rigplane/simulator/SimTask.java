package io.rigplane.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A worker task with its UPID, state and log, as /nodes/{node}/tasks shows it. */
final class SimTask {
    final String upid;
    final String node;
    final int pid;
    final long pstart;
    final long starttime;
    final String type;
    final String id;
    /** user@realm, and the token id apart, like the task status endpoint reports them. */
    final String user;
    final String tokenid;
    private final List<String> log = new ArrayList<>();
    private volatile String exitstatus;
    private volatile long endtime;
    private int warnings;
    volatile Thread worker;

    SimTask(String node, int pid, long pstart, long starttime, String type, String id, String user, String tokenid) {
        this.node = node;
        this.pid = pid;
        this.pstart = pstart;
        this.starttime = starttime;
        this.type = type;
        this.id = id;
        this.user = user;
        this.tokenid = tokenid;
        String fullUser = tokenid == null ? user : user + "!" + tokenid;
        this.upid = String.format(Locale.ROOT, "UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, pstart, starttime,
                type, id, fullUser);
    }

    synchronized void log(String line) {
        log.add(line);
    }

    synchronized void warn(String line) {
        warnings++;
        log.add("WARN: " + line);
    }

    synchronized List<String> lines() {
        return new ArrayList<>(log);
    }

    boolean running() {
        return exitstatus == null;
    }

    String exitstatus() {
        return exitstatus;
    }

    long endtime() {
        return endtime;
    }

    synchronized void finishOk() {
        if (exitstatus != null) {
            return;
        }
        exitstatus = warnings > 0 ? "WARNINGS: " + warnings : "OK";
        log.add(warnings > 0 ? "TASK WARNINGS: " + warnings : "TASK OK");
        endtime = System.currentTimeMillis() / 1000;
    }

    synchronized void finishError(String message) {
        if (exitstatus != null) {
            return;
        }
        String msg = message == null ? "unknown error" : message.strip();
        exitstatus = msg;
        log.add("TASK ERROR: " + msg);
        endtime = System.currentTimeMillis() / 1000;
    }
}

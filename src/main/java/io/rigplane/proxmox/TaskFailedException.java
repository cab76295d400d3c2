package io.rigplane.proxmox;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A Proxmox task ended with an exit status other than {@code OK} or {@code WARNINGS: n}. */
public class TaskFailedException extends ProxmoxException {

    private final Upid upid;
    private final String exitStatus;
    private final List<String> logTail;

    public TaskFailedException(Upid upid, String exitStatus, List<String> logTail) {
        super(HttpStatus.BAD_GATEWAY, "proxmox-task-failed", "Proxmox task failed",
                "task " + upid.type() + " on " + upid.node() + " failed: " + exitStatus);
        this.upid = upid;
        this.exitStatus = exitStatus;
        this.logTail = List.copyOf(logTail);
    }

    public Upid upid() {
        return upid;
    }

    public String exitStatus() {
        return exitStatus;
    }

    /** The last lines of the task log, the last one usually {@code TASK ERROR: …}. */
    public List<String> logTail() {
        return logTail;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("upid", upid.value(), "exitStatus", exitStatus, "log", logTail);
    }
}

package io.rigplane.proxmox;

/** A task that ended well: {@code OK}, or {@code WARNINGS: n} with n warnings. */
public record TaskResult(Upid upid, String exitStatus, int warnings) {
}

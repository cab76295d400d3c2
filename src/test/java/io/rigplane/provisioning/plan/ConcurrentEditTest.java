package io.rigplane.provisioning.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.proxmox.ProxmoxConfigChangedException;
import io.rigplane.proxmox.ProxmoxLockedException;
import io.rigplane.proxmox.TaskFailedException;
import io.rigplane.proxmox.Upid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Apply plans again after a concurrent edit, on both ways qemu-server reports a stale digest. */
class ConcurrentEditTest {

    private static final Upid QMCONFIG = Upid.parse("UPID:srv02:0001A2B3:0C4D5E6F:6750A1B2:qmconfig:100:root@pam!rigplane:");

    @Test
    void aRefusedCallAndAFailedWorkerAreBothConcurrentEdits() {
        // the call itself (the early check before qemu-server forks its worker)
        assertThat(ApplyHandler.concurrentEdit(new ProxmoxConfigChangedException(
                "POST config: checksum mismatch (file change by other user?)"))).isTrue();
        // the worker, when the change came in between
        assertThat(ApplyHandler.concurrentEdit(new TaskFailedException(QMCONFIG,
                "checksum mismatch (file change by other user?)", List.of()))).isTrue();
        assertThat(ApplyHandler.concurrentEdit(new TaskFailedException(QMCONFIG, "VM is locked (backup)", List.of())))
                .isFalse();
        assertThat(ApplyHandler.concurrentEdit(new ProxmoxLockedException("backup", "VM is locked (backup)"))).isFalse();
    }
}

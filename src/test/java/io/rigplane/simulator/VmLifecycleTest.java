package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Create (what Proxmox adds), tasks and UPIDs, locks, digest, pending changes, resize, destroy. */
class VmLifecycleTest extends SimulatorTestBase {

    private static final String UPID_FORMAT =
            "UPID:srv02:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:%s:%s:root@pam!rigplane:";

    @Test
    void createAddsWhatProxmoxAddsAndAllocatesDisks() {
        // long enough to see the task's lock however busy the machine; the later tasks run fast again
        sim.faults().taskMillis(1500L);
        PveTestClient.Reply started = api.post("/nodes/srv02/qemu", "vmid", 200, "name", "win-test", "ostype", "win11",
                "bios", "ovmf", "scsihw", "virtio-scsi-single", "memory", 8192, "cores", 4,
                "scsi0", "local-zfs:64,iothread=1,discard=on,ssd=1,cache=none",
                "efidisk0", "local-zfs:1,efitype=4m,pre-enrolled-keys=1", "tpmstate0", "local-zfs:1,version=v2.0",
                "net0", "virtio,bridge=vmbr0", "agent", "1");
        assertThat((String) started.data()).matches(String.format(UPID_FORMAT, "qmcreate", "200"));
        assertThat(api.config("srv02", 200)).containsEntry("lock", "create");
        api.runTask(started, "OK");
        sim.faults().taskMillis(null);

        Map<String, Object> c = api.config("srv02", 200);
        assertThat(c).doesNotContainKey("lock");
        assertThat((String) c.get("net0")).matches("virtio=BC:24:11:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2},bridge=vmbr0");
        assertThat((String) c.get("smbios1")).matches("uuid=[0-9a-f-]{36}");
        assertThat((String) c.get("vmgenid")).matches("[0-9a-f-]{36}");
        assertThat((String) c.get("meta")).matches("creation-qemu=\\d+(\\.\\d+)+,ctime=\\d+");
        assertThat(c).containsEntry("boot", "order=scsi0;net0");
        assertThat(c).containsEntry("machine", "pc-i440fx-10.0+pve0");
        assertThat(c).containsEntry("efidisk0", "local-zfs:vm-200-disk-0,efitype=4m,pre-enrolled-keys=1,size=1M");
        assertThat(c).containsEntry("scsi0", "local-zfs:vm-200-disk-1,cache=none,discard=on,iothread=1,size=64G,ssd=1");
        assertThat(c).containsEntry("tpmstate0", "local-zfs:vm-200-disk-2,size=4M,version=v2.0");
        assertThat(c).containsEntry("memory", "8192").containsEntry("cores", 4);
        assertThat((String) c.get("digest")).matches("[0-9a-f]{40}");

        api.runTask(api.post("/nodes/srv02/qemu", "vmid", 201, "ostype", "win10", "machine", "q35"), "OK");
        assertThat(api.config("srv02", 201)).containsEntry("machine", "pc-q35-10.0+pve0");
        api.runTask(api.post("/nodes/srv02/qemu", "vmid", 202, "ostype", "win11", "machine", "pc-q35-10.0"), "OK");
        assertThat(api.config("srv02", 202)).containsEntry("machine", "pc-q35-10.0");
        api.runTask(api.post("/nodes/srv02/qemu", "vmid", 203, "ostype", "l26"), "OK");
        assertThat(api.config("srv02", 203)).doesNotContainKey("machine");

        PveTestClient.Reply dup = api.post("/nodes/srv02/qemu", "vmid", 200);
        assertThat(dup.status()).isEqualTo(500);
        assertThat(dup.message()).contains("VM 200 already exists on node 'srv02'");
        Map<String, Object> failed = api.runTask(api.post("/nodes/srv02/qemu", "vmid", 204, "scsi0", "nosuch:10"),
                "storage 'nosuch' does not exist");
        assertThat(failed).containsEntry("status", "stopped");
        assertThat(api.get("/nodes/srv02/qemu/204/config").status()).isEqualTo(500);
    }

    @Test
    void tasksHaveRealUpidsStatusAndLogs() {
        // long enough to see the task running however busy the machine
        sim.faults().taskMillis(1500L);
        PveTestClient.Reply start = api.post(vmPath(100) + "/status/start");
        String upid = (String) start.data();
        assertThat(upid).matches(String.format(UPID_FORMAT, "qmstart", "100"));
        Map<String, Object> running = api.get("/nodes/srv02/tasks/" + java.net.URLEncoder.encode(upid,
                java.nio.charset.StandardCharsets.UTF_8) + "/status").dataMap();
        assertThat(running).containsEntry("status", "running").containsEntry("user", "root@pam")
                .containsEntry("tokenid", "rigplane").containsEntry("type", "qmstart").doesNotContainKey("exitstatus");
        Map<String, Object> done = api.waitTask(upid);
        assertThat(done).containsEntry("exitstatus", "OK");
        sim.faults().taskMillis(null);
        List<Map<String, Object>> log = api.taskLog(upid);
        assertThat(log.get(log.size() - 1)).containsEntry("t", "TASK OK");
        assertThat(log.get(0)).containsEntry("n", 1);

        // starting a running VM fails inside the task, not as an HTTP error
        PveTestClient.Reply again = api.post(vmPath(100) + "/status/start");
        assertThat(again.status()).isEqualTo(200);
        api.runTask(again, "VM 100 already running");
        List<Map<String, Object>> errLog = api.taskLog((String) again.data());
        assertThat(errLog.get(errLog.size() - 1)).containsEntry("t", "TASK ERROR: VM 100 already running");

        List<Map<String, Object>> tasks = api.get("/nodes/srv02/tasks", "vmid", 100).dataList();
        assertThat(tasks).extracting(t -> t.get("upid")).contains(upid);
        assertThat(tasks.get(0)).containsKeys("endtime", "status");
    }

    @Test
    void aLockedVmRefusesChangesAndTheConfigLockCanTimeOut() {
        sim.faults().taskMillis(400L);
        PveTestClient.Reply snap = api.post(vmPath(100) + "/snapshot", "snapname", "before");
        PveTestClient.eventually(2000, "snapshot lock", () -> "snapshot".equals(api.config("srv02", 100).get("lock")));
        PveTestClient.Reply locked = api.put(vmPath(100) + "/config", "cores", 2);
        assertThat(locked.status()).isEqualTo(500);
        assertThat(locked.message()).isEqualTo("VM is locked (snapshot)\n");
        assertThat(api.get(vmPath(100) + "/status/current").dataMap()).containsEntry("lock", "snapshot");
        api.runTask(snap, "OK");
        assertThat(api.put(vmPath(100) + "/config", "cores", 2).status()).isEqualTo(200);

        sim.faults().lockContentionRate(1.0);
        PveTestClient.Reply busy = api.put(vmPath(100) + "/config", "cores", 3);
        assertThat(busy.status()).isEqualTo(500);
        assertThat(busy.message()).isEqualTo("can't lock file '/var/lock/qemu-server/lock-100.conf' - got timeout\n");
        api.runTask(api.post(vmPath(100) + "/status/start"), "can't lock file '/var/lock/qemu-server/lock-100.conf' - got timeout");
    }

    @Test
    void digestGuardsAgainstConcurrentEdits() {
        String digest = (String) api.config("srv02", 100).get("digest");
        assertThat(api.put(vmPath(100) + "/config", "name", "first", "digest", digest).status()).isEqualTo(200);
        PveTestClient.Reply stale = api.put(vmPath(100) + "/config", "name", "second", "digest", digest);
        assertThat(stale.status()).isEqualTo(500);
        assertThat(stale.message()).isEqualTo("checksum mismatch (file change by other user?)\n");
        // POST config: qemu-server checks before forking its worker, so the call itself is refused
        assertThat(api.post(vmPath(100) + "/config", "name", "third", "digest", digest).message())
                .isEqualTo("checksum mismatch (file change by other user?)\n");
        assertThat(api.config("srv02", 100)).containsEntry("name", "first");
    }

    @Test
    void changesToARunningVmStayPendingUntilStopStartOrApiReboot() {
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        api.runTask(api.post(vmPath(100) + "/config", "cores", 4, "cpu", "host", "name", "live-name",
                "delete", "tpmstate0"), "OK");

        assertThat(api.config("srv02", 100)).containsEntry("cores", 4).containsEntry("name", "live-name")
                .doesNotContainKey("tpmstate0");
        assertThat(api.config("srv02", 100, "current", 1)).containsEntry("cores", 8).containsEntry("cpu", "host,hidden=1")
                .containsKey("tpmstate0");
        List<Map<String, Object>> pending = api.get(vmPath(100) + "/pending").dataList();
        assertThat(pending).filteredOn(p -> p.get("key").equals("cores")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("value", "8").containsEntry("pending", "4"));
        assertThat(pending).filteredOn(p -> p.get("key").equals("tpmstate0")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("delete", 1));
        assertThat(pending).filteredOn(p -> p.get("key").equals("name")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("value", "live-name").doesNotContainKey("pending"));

        api.runTask(api.post(vmPath(100) + "/status/stop"), "OK");
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        assertThat(api.config("srv02", 100, "current", 1)).containsEntry("cores", 4).containsEntry("cpu", "host")
                .doesNotContainKey("tpmstate0").containsEntry("unused0", "local-zfs:vm-100-disk-2");
        assertThat(api.get(vmPath(100) + "/pending").dataList()).noneMatch(p -> p.containsKey("pending") || p.containsKey("delete"));

        assertThat(api.put(vmPath(100) + "/config", "sockets", 2).status()).isEqualTo(200);
        assertThat(api.config("srv02", 100, "current", 1)).doesNotContainKey("sockets");
        // an ACPI request reaches a guest only once it has booted
        PveTestClient.eventually(3000, "guest booted", () -> api.post(vmPath(100) + "/agent/ping").status() == 200);
        api.runTask(api.post(vmPath(100) + "/status/reboot", "timeout", 5), "OK");
        assertThat(api.config("srv02", 100, "current", 1)).containsEntry("sockets", 2);
    }

    @Test
    void resizeGrowsOnly() {
        api.runTask(api.put(vmPath(100) + "/resize", "disk", "scsi0", "size", "+10G"), "OK");
        assertThat((String) api.config("srv02", 100).get("scsi0")).contains("size=210G");
        api.runTask(api.put(vmPath(100) + "/resize", "disk", "scsi0", "size", "250G"), "OK");
        assertThat((String) api.config("srv02", 100).get("scsi0")).contains("size=250G");
        api.runTask(api.put(vmPath(100) + "/resize", "disk", "scsi0", "size", "100G"), "shrinking disks is not supported");
        api.runTask(api.put(vmPath(100) + "/resize", "disk", "scsi7", "size", "+1G"), "disk 'scsi7' does not exist");
        assertThat((String) api.config("srv02", 100).get("scsi0")).contains("size=250G");
    }

    @Test
    void destroyAndDiskRemovalAreCountedAsDestructive() {
        assertThat(sim.destructiveCallCount()).isZero();
        api.runTask(api.post("/nodes/srv02/qemu", "vmid", 300, "scsi0", "local-zfs:8", "scsi1", "local-zfs:8"), "OK");
        assertThat(api.put("/nodes/srv02/qemu/300/config", "delete", "scsi1").status()).isEqualTo(200);
        assertThat(api.config("srv02", 300)).containsEntry("unused0", "local-zfs:vm-300-disk-1").doesNotContainKey("scsi1");
        assertThat(api.put("/nodes/srv02/qemu/300/config", "delete", "unused0").status()).isEqualTo(200);
        assertThat(sim.destructiveCallCount()).isEqualTo(2);
        api.runTask(api.delete("/nodes/srv02/qemu/300"), "OK");
        assertThat(api.get("/nodes/srv02/qemu/300/config").status()).isEqualTo(500);
        assertThat(sim.destructiveCallCount()).isEqualTo(3);
        Map<String, Object> viaHttp = api.get("/simulator/destructive-calls").body();
        assertThat(viaHttp).containsEntry("count", 3);

        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        PveTestClient.Reply running = api.delete(vmPath(100));
        assertThat(running.status()).isEqualTo(500);
        assertThat(running.message()).isEqualTo("VM 100 is running - destroy failed\n");
    }
}

package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.ClusterResource;
import io.rigplane.proxmox.internal.ConnectionCheck;
import io.rigplane.proxmox.internal.NodeStatus;
import io.rigplane.proxmox.internal.PciDevice;
import io.rigplane.proxmox.internal.TaskStatus;
import io.rigplane.proxmox.internal.TaskSummary;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every public method of the client once, against the simulator over HTTPS. */
class ProxmoxClientTest extends ProxmoxTestBase {

    @Test
    void readsTheInventory() {
        assertThat(client.clusterId()).isEqualTo("test");
        assertThat(client.version().major()).isGreaterThanOrEqualTo(8);
        List<NodeSummary> nodes = client.nodes();
        assertThat(nodes).extracting(NodeSummary::node).contains("srv02", "srv03");
        NodeSummary srv02 = nodes.stream().filter(n -> n.node().equals(NODE)).findFirst().orElseThrow();
        assertThat(srv02.online()).isTrue();
        assertThat(srv02.maxcpu()).isEqualTo(16);
        assertThat(srv02.sslFingerprint()).isEqualToIgnoringCase(sim.fingerprint());
        NodeStatus status = client.nodeStatus(NODE);
        assertThat(status.cpus()).isEqualTo(16);
        assertThat(status.memoryTotal()).isEqualTo(64L << 30);
        assertThat(status.extra()).containsKeys("memory", "cpuinfo");

        List<ClusterVm> vms = client.vms();
        ClusterVm vm100 = vms.stream().filter(v -> v.vmid() == 100).findFirst().orElseThrow();
        assertThat(vm100.node()).isEqualTo(NODE);
        assertThat(vm100.name()).isEqualTo("gaming-100");
        assertThat(vm100.template()).isFalse();
        assertThat(client.vms(NODE)).extracting(ClusterVm::vmid).contains(100);
        assertThat(client.resources()).extracting(ClusterResource::type).contains("qemu", "node", "storage");

        assertThat(client.nextVmid()).isGreaterThan(100);
        assertThat(client.vmidFree(100)).isFalse();
        assertThat(client.vmidFree(4242)).isTrue();
    }

    @Test
    void readsConfigCurrentConfigAndPending() {
        VmConfig config = client.config(NODE, 100);
        assertThat(config.digest()).isNotBlank();
        assertThat(config.values()).doesNotContainKey("digest").containsEntry("memory", "16384").containsKey("hostpci0");
        assertThat(List.copyOf(config.values().keySet())).isSorted();
        assertThat(client.currentConfig(NODE, 100).values()).isEqualTo(config.values());
        assertThat(client.pending(NODE, 100)).isNotEmpty().allMatch(p -> !p.isPending());
    }

    @Test
    void createsAVmUpdatesItsConfigAndGrowsADisk() {
        int vmid = client.nextVmid();
        Upid create = client.createVm("srv03", vmid, Map.of("name", "client-test", "memory", "2048", "cores", "2",
                "ostype", "l26", "scsihw", "virtio-scsi-single", "scsi0", "local-zfs:4,iothread=1",
                "tags", "rigplane;test"));
        assertThat(create.type()).isEqualTo("qmcreate");
        assertThat(create.node()).isEqualTo("srv03");
        TaskResult created = client.await(create, WAIT);
        assertThat(created.exitStatus()).isEqualTo("OK");
        assertThat(client.vms()).filteredOn(v -> v.vmid() == vmid).singleElement()
                .satisfies(v -> assertThat(v.tags()).containsExactly("rigplane", "test"));

        VmConfig before = client.config("srv03", vmid);
        Upid update = client.updateConfig("srv03", vmid, Map.of("cores", "4"), List.of("tags"), before.digest());
        client.await(update, WAIT);
        VmConfig after = client.config("srv03", vmid);
        assertThat(after.get("cores")).isEqualTo("4");
        assertThat(after.values()).doesNotContainKey("tags");

        Optional<Upid> resize = client.resize("srv03", vmid, "scsi0", "+1G");
        resize.ifPresent(u -> client.await(u, WAIT));
        assertThat(client.config("srv03", vmid).get("scsi0")).contains("size=5G");
    }

    @Test
    void powersAVmAndTalksToItsGuestAgent() throws InterruptedException {
        assertThat(client.status(NODE, 100).running()).isFalse();
        assertThat(client.agentPing(NODE, 100)).isFalse();
        client.await(client.start(NODE, 100), WAIT);
        VmStatus running = client.status(NODE, 100);
        assertThat(running.running()).isTrue();
        assertThat(running.qmpstatus()).isEqualTo("running");
        assertThat(running.name()).isEqualTo("gaming-100");

        boolean answered = false;
        for (int i = 0; i < 50 && !answered; i++) {
            answered = client.agentPing(NODE, 100);
            Thread.sleep(50);
        }
        assertThat(answered).isTrue();
        List<GuestInterface> interfaces = client.guestInterfaces(NODE, 100);
        assertThat(interfaces).anySatisfy(i -> {
            assertThat(i.mac()).isNotBlank();
            assertThat(i.ipv4()).isNotEmpty();
        });

        client.await(client.reboot(NODE, 100), WAIT);
        client.await(client.shutdown(NODE, 100, 5, true), WAIT);
        assertThat(client.status(NODE, 100).running()).isFalse();
        client.await(client.start(NODE, 100), WAIT);
        client.await(client.stop(NODE, 100), WAIT);
        assertThat(client.status(NODE, 100).status()).isEqualTo("stopped");
    }

    @Test
    void takesRollsBackAndDeletesSnapshots() {
        Upid take = client.createSnapshot(NODE, 100, "before_update", "ahead of the driver update", false);
        assertThat(take.type()).isEqualTo("qmsnapshot");
        client.await(take, WAIT);
        List<Snapshot> snapshots = client.snapshots(NODE, 100);
        assertThat(snapshots).extracting(Snapshot::name).containsExactlyInAnyOrder("before_update", "current");
        Snapshot taken = snapshots.stream().filter(s -> !s.isCurrent()).findFirst().orElseThrow();
        assertThat(taken.description()).isEqualTo("ahead of the driver update");
        assertThat(taken.snaptime()).isNotNull();
        assertThat(taken.vmstate()).isFalse();
        assertThat(snapshots.stream().filter(Snapshot::isCurrent).findFirst().orElseThrow().parent())
                .isEqualTo("before_update");

        client.await(client.rollback(NODE, 100, "before_update"), WAIT);
        client.await(client.deleteSnapshot(NODE, 100, "before_update"), WAIT);
        assertThat(client.snapshots(NODE, 100)).extracting(Snapshot::name).containsExactly("current");
    }

    @Test
    void readsTaskStatusLogAndList() {
        Upid upid = client.start(NODE, 100);
        client.await(upid, WAIT);
        TaskStatus status = client.taskStatus(upid);
        assertThat(status.running()).isFalse();
        assertThat(status.succeeded()).isTrue();
        assertThat(status.upid()).isEqualTo(upid.value());
        assertThat(client.taskLog(upid, 1)).containsExactly("TASK OK");
        assertThat(client.taskLog(upid, 100)).isNotEmpty().last().isEqualTo("TASK OK");
        assertThat(client.tasks(NODE)).extracting(TaskSummary::upid).contains(upid.value());
    }

    @Test
    void wakesAnOfflineNodeThroughAnotherNode() throws InterruptedException {
        sim.setNodeOnline("srv03", false);
        assertThat(client.nodes()).filteredOn(n -> n.node().equals("srv03")).singleElement()
                .satisfies(n -> assertThat(n.online()).isFalse());
        client.wakeOnLan("srv03");
        for (int i = 0; i < 100 && !sim.isNodeOnline("srv03"); i++) {
            Thread.sleep(20);
        }
        assertThat(sim.isNodeOnline("srv03")).isTrue();
    }

    @Test
    void listsPciMappingsAndDevices() {
        List<PciMapping> mappings = client.pciMappings();
        PciMapping rtx = mappings.stream().filter(m -> m.id().equals("rtx3070")).findFirst().orElseThrow();
        assertThat(rtx.on(NODE)).hasValueSatisfying(e -> assertThat(e.path()).startsWith("0000:01:00"));
        List<PciDevice> devices = client.hardwarePci(NODE);
        assertThat(devices).anySatisfy(d -> {
            assertThat(d.isGpu()).isTrue();
            assertThat(d.id()).startsWith("0000:01:00");
        });
    }

    @Test
    void checksTheConnection() {
        ConnectionCheck check = client.check();
        assertThat(check.ok()).isTrue();
        assertThat(check.version()).isNotBlank();
        assertThat(check.messages()).noneMatch(m -> m.contains(secret()));
    }
}

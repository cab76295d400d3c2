package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuAndNodeTest extends SimulatorTestBase {

    @Override
    SimulatorSettings settings() {
        return SimulatorSettings.forTests().withWakeOnLanUdpPort(0);
    }

    @Test
    void aMappedGpuServesOneRunningVmAndTheSecondStartFailsInsideTheTask() {
        api.runTask(api.post("/nodes/srv02/qemu", "vmid", 101, "hostpci0", "mapping=rtx3070,pcie=1,x-vga=1",
                "machine", "pc-q35-10.0"), "OK");
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        PveTestClient.Reply second = api.post(vmPath(101) + "/status/start");
        assertThat(second.status()).isEqualTo(200);
        api.runTask(second, "PCI device '0000:01:00.0' already in use by VMID '100'");
        assertThat(api.get(vmPath(101) + "/status/current").dataMap()).containsEntry("status", "stopped");

        api.runTask(api.post(vmPath(100) + "/status/stop"), "OK");
        api.runTask(api.post(vmPath(101) + "/status/start"), "OK");

        List<Map<String, Object>> mappings = api.get("/cluster/mapping/pci").dataList();
        assertThat(mappings).singleElement().satisfies(m -> assertThat(m).containsEntry("id", "rtx3070"));
        assertThat(api.get("/nodes/srv02/hardware/pci").dataList())
                .anySatisfy(d -> assertThat(d).containsEntry("id", "0000:01:00.0").containsEntry("class", "0x030000"));
    }

    @Test
    void anOfflineNodeIsUnreachableUntilWokenByAnotherNode() {
        sim.setNodeOnline("srv03", false);
        List<Map<String, Object>> nodes = api.get("/nodes").dataList();
        assertThat(nodes).filteredOn(n -> n.get("node").equals("srv03")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("status", "offline"));
        PveTestClient.Reply proxied = api.get("/nodes/srv03/qemu");
        assertThat(proxied.status()).isEqualTo(595);

        assertThat(api.put("/nodes/srv03/config", "wakeonlan", "AA:BB:CC:DD:EE:03").status()).isEqualTo(595);
        sim.setNodeOnline("srv03", true);
        assertThat(api.put("/nodes/srv03/config", "wakeonlan", "AA:BB:CC:DD:EE:03").status()).isEqualTo(200);
        assertThat(api.get("/nodes/srv03/config").dataMap()).containsEntry("wakeonlan", "AA:BB:CC:DD:EE:03");
        sim.setNodeOnline("srv03", false);

        PveTestClient.Reply wol = api.post("/nodes/srv03/wakeonlan");
        assertThat(wol.status()).isEqualTo(200);
        assertThat(wol.data()).isEqualTo("AA:BB:CC:DD:EE:03");
        assertThat(sim.isNodeOnline("srv03")).isFalse();
        PveTestClient.eventually(3000, "srv03 online", () -> api.get("/nodes/srv03/qemu").status() == 200);
    }

    @Test
    void wakeOnLanNeedsTheTargetsMac() {
        assertThat(api.put("/nodes/srv03/config", "delete", "wakeonlan").status()).isEqualTo(200);
        sim.setNodeOnline("srv03", false);
        PveTestClient.Reply r = api.post("/nodes/srv03/wakeonlan");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("No wake on LAN MAC address defined for 'srv03'!\n");
    }

    @Test
    void aRealMagicPacketWakesTheNodeWithThatMac() throws Exception {
        String mac = (String) api.get("/nodes/srv03/config").dataMap().get("wakeonlan");
        sim.setNodeOnline("srv03", false);
        byte[] packet = new byte[102];
        for (int i = 0; i < 6; i++) {
            packet[i] = (byte) 0xFF;
        }
        String[] parts = mac.split(":");
        for (int rep = 0; rep < 16; rep++) {
            for (int i = 0; i < 6; i++) {
                packet[6 + rep * 6 + i] = (byte) Integer.parseInt(parts[i], 16);
            }
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), sim.wakeOnLanUdpPort()));
        }
        PveTestClient.eventually(3000, "srv03 woken by magic packet", () -> sim.isNodeOnline("srv03"));
    }

    @Test
    void shutdownWithoutAGuestWaitsForTheTimeoutThenForceStops() {
        sim.faults().guestNeverReady(true);
        api.runTask(api.post(vmPath(100) + "/status/start"), "OK");
        api.runTask(api.post(vmPath(100) + "/status/shutdown", "timeout", 0), "VM quit/powerdown failed - got timeout");
        Map<String, Object> status = api.runTask(api.post(vmPath(100) + "/status/shutdown", "timeout", 0, "forceStop", 1), "OK");
        assertThat(api.taskLog((String) status.get("upid"))).anySatisfy(l -> assertThat((String) l.get("t"))
                .contains("requesting shutdown via ACPI"));
        assertThat(api.get(vmPath(100) + "/status/current").dataMap()).containsEntry("status", "stopped");
        assertThat(api.post(vmPath(100) + "/status/shutdown").message()).isEqualTo("VM 100 not running\n");
    }
}

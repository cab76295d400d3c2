package io.rigplane.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything the simulated cluster knows. All reads and writes happen while holding this object's
 * monitor, which plays the role of pmxcfs plus the per-VM config file locks.
 */
final class ClusterState {
    final Map<String, SimNode> nodes = new LinkedHashMap<>();
    final Map<Integer, SimVm> vms = new TreeMap<>();
    final Map<String, PciMapping> mappings = new LinkedHashMap<>();
    final List<Map<String, Object>> destructiveCalls = new ArrayList<>();
    /** Storages every node reaches (Ceph, NFS…): a migration leaves their disks where they are. */
    final java.util.Set<String> sharedStorages = new java.util.TreeSet<>();
    /** Migrations done, {vmid, from, to, time}, for tests. */
    final List<Map<String, Object>> migrations = new ArrayList<>();
    private final Random ids;
    private final int loopbackOctet;

    ClusterState(long seed, int loopbackOctet) {
        this.ids = new Random(seed ^ 0x5DEECE66DL);
        this.loopbackOctet = loopbackOctet;
    }

    /** Proxmox's MAC prefix BC:24:11 plus three seeded random bytes. */
    String newMac() {
        return String.format(Locale.ROOT, "BC:24:11:%02X:%02X:%02X", ids.nextInt(256), ids.nextInt(256), ids.nextInt(256));
    }

    String newUuid() {
        return new UUID(ids.nextLong(), ids.nextLong()).toString();
    }

    String guestIp(int vmid) {
        return "127." + loopbackOctet + "." + ((vmid >> 8) & 0xff) + "." + (vmid & 0xff);
    }

    SimNode node(String name) {
        SimNode n = nodes.get(name);
        if (n == null) {
            throw PveError.parameter("node", "no such cluster node '" + name + "'");
        }
        return n;
    }

    SimVm vm(String node, int vmid) {
        SimVm vm = vms.get(vmid);
        if (vm == null || !vm.node.equals(node)) {
            throw PveError.server("Configuration file 'nodes/" + node + "/qemu-server/" + vmid + ".conf' does not exist");
        }
        return vm;
    }

    int nextFreeVmid() {
        int id = 100;
        while (vms.containsKey(id)) {
            id++;
        }
        return id;
    }

    void recordDestructive(String method, String path, String what) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("time", System.currentTimeMillis() / 1000);
        call.put("method", method);
        call.put("path", path);
        call.put("what", what);
        destructiveCalls.add(call);
    }

    void recordMigration(int vmid, String from, String to) {
        migrations.add(Map.of("vmid", vmid, "from", from, "to", to, "time", System.currentTimeMillis()));
    }

    /** Builds the configured cluster: srv02 with the GPUs, srv03 … without, gaming VMs from 100. */
    static ClusterState build(SimulatorSettings s, long now) {
        ClusterState c = new ClusterState(s.seed(), s.loopbackOctet());
        for (int i = 0; i < s.nodes(); i++) {
            String name = "srv" + String.format(Locale.ROOT, "%02d", i + 2);
            SimNode node = new SimNode(name, i == 0 ? 16 : 8, (i == 0 ? 64L : 32L) << 30,
                    new ArrayList<>(List.of("local", "local-zfs")), c.newMac(), now);
            node.pciDevices.add(new SimNode.PciDevice("0000:00:00.0", "0x060000", "0x8086", "0x3e0f", "0x1043",
                    "0x8694", 0, "Intel Corporation", "8th Gen Core Processor Host Bridge"));
            node.pciDevices.add(new SimNode.PciDevice("0000:00:1f.3", "0x040300", "0x8086", "0xa348", "0x1043",
                    "0x8724", 9, "Intel Corporation", "Cannon Lake PCH cAVS"));
            if (i < s.gpuNodes()) {
                for (int g = 0; g < s.gpusPerNode(); g++) {
                    String bus = String.format(Locale.ROOT, "0000:%02x:00", g + 1);
                    int group = 14 + g;
                    node.pciDevices.add(new SimNode.PciDevice(bus + ".0", "0x030000", "0x10de", "0x2484", "0x1458",
                            "0x404c", group, "NVIDIA Corporation", "GA104 [GeForce RTX 3070]"));
                    node.pciDevices.add(new SimNode.PciDevice(bus + ".1", "0x040300", "0x10de", "0x228b", "0x1458",
                            "0x404c", group, "NVIDIA Corporation", "GA104 High Definition Audio Controller"));
                    String id = g == 0 ? "rtx3070" : "rtx3070-" + (g + 1);
                    PciMapping m = c.mappings.computeIfAbsent(id, k -> new PciMapping(k, "RTX 3070 #" + (k.equals("rtx3070") ? 1 : k.substring(8))));
                    m.entries.add("id=10de:2484,iommugroup=" + group + ",node=" + name + ",path=" + bus
                            + ",subsystem-id=1458:404c");
                }
            }
            c.nodes.put(name, node);
        }
        List<String> nodeNames = new ArrayList<>(c.nodes.keySet());
        for (int v = 0; v < s.vms(); v++) {
            int vmid = 100 + v;
            String node = nodeNames.get(s.gpuNodes() > 0 ? v % Math.min(s.gpuNodes(), nodeNames.size()) : v % nodeNames.size());
            SimVm vm = new SimVm(vmid, node, new Guest(c.guestIp(vmid), null));
            Map<String, String> cfg = vm.config;
            cfg.put("agent", "1");
            cfg.put("balloon", "0");
            cfg.put("bios", "ovmf");
            cfg.put("boot", "order=scsi0;net0");
            cfg.put("cores", "8");
            cfg.put("cpu", "host,hidden=1");
            cfg.put("efidisk0", "local-zfs:vm-" + vmid + "-disk-0,efitype=4m,pre-enrolled-keys=1,size=1M");
            int gpuIndex = v / Math.max(1, Math.min(s.gpuNodes(), nodeNames.size()));
            if (s.gpuNodes() > 0 && gpuIndex < s.gpusPerNode()) {
                cfg.put("hostpci0", "mapping=" + (gpuIndex == 0 ? "rtx3070" : "rtx3070-" + (gpuIndex + 1)) + ",pcie=1,x-vga=1");
            }
            cfg.put("machine", "pc-q35-10.0");
            cfg.put("memory", "16384");
            cfg.put("meta", "creation-qemu=10.0.2,ctime=" + (now / 1000 - 86_400));
            cfg.put("name", "gaming-" + vmid);
            cfg.put("net0", "virtio=" + c.newMac() + ",bridge=vmbr0");
            cfg.put("ostype", "win11");
            cfg.put("scsi0", "local-zfs:vm-" + vmid + "-disk-1,aio=io_uring,cache=none,discard=on,iothread=1,size=200G,ssd=1");
            cfg.put("scsihw", "virtio-scsi-single");
            cfg.put("smbios1", "uuid=" + c.newUuid());
            cfg.put("tpmstate0", "local-zfs:vm-" + vmid + "-disk-2,size=4M,version=v2.0");
            cfg.put("vmgenid", c.newUuid());
            c.vms.put(vmid, vm);
        }
        return c;
    }
}

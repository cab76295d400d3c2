package io.rigplane.simulator;

/** Cluster changes other modules' tests make on the simulator through its Proxmox API. */
public final class SimulatorControl {

    private SimulatorControl() {
    }

    /**
     * Creates a cluster PCI mapping (ignored when one of that id exists) with one device per entry,
     * e.g. {@code node=srv02,path=0000:02:00}.
     */
    public static void pciMapping(ProxmoxSimulator simulator, String id, String... entries) {
        Object[] form = new Object[2 + 2 * entries.length];
        form[0] = "id";
        form[1] = id;
        for (int i = 0; i < entries.length; i++) {
            form[2 + 2 * i] = "map";
            form[3 + 2 * i] = entries[i];
        }
        PveTestClient.Reply reply = PveTestClient.forSimulator(simulator).post("/cluster/mapping/pci", form);
        if (reply.status() != 200 && !String.valueOf(reply.raw().body()).contains("already defined")) {
            throw new IllegalStateException("mapping " + id + ": " + reply.status() + " " + reply.raw().body());
        }
    }

    /** Destroys a VM as someone might by hand on Proxmox, and waits until it is gone. */
    public static void destroyVm(ProxmoxSimulator simulator, String node, int vmid) {
        PveTestClient client = PveTestClient.forSimulator(simulator);
        client.runTask(client.delete("/nodes/" + node + "/qemu/" + vmid), "OK");
    }

    /** Moves a stopped VM to another node as someone might by hand on Proxmox, and waits until it is there. */
    public static void migrateVm(ProxmoxSimulator simulator, String node, int vmid, String target) {
        PveTestClient client = PveTestClient.forSimulator(simulator);
        client.runTask(client.post("/nodes/" + node + "/qemu/" + vmid + "/migrate", "target", target), "OK");
    }
}

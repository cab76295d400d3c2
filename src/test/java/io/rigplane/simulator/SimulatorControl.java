package io.rigplane.simulator;

/** Cluster changes other modules' tests make on the simulator through its Proxmox API. */
public final class SimulatorControl {

    private SimulatorControl() {
    }

    /** Creates a cluster PCI mapping (ignored when one of that id exists), e.g. {@code node=srv02,path=0000:02:00}. */
    public static void pciMapping(ProxmoxSimulator simulator, String id, String entry) {
        PveTestClient.Reply reply = PveTestClient.forSimulator(simulator)
                .post("/cluster/mapping/pci", "id", id, "map", entry);
        if (reply.status() != 200 && !String.valueOf(reply.raw().body()).contains("already defined")) {
            throw new IllegalStateException("mapping " + id + ": " + reply.status() + " " + reply.raw().body());
        }
    }
}

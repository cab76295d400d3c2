package io.rigplane.power.node;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A node of a cluster: its state and load, its GPUs and who holds them, and its Wake-on-LAN MAC. */
public record NodeView(
        String cluster,
        @Schema(example = "srv02") String node,
        @Schema(allowableValues = {"online", "offline", "unknown"}) String state,
        double cpu, int maxcpu, long mem, long maxmem, long uptime,
        List<Gpu> gpus,
        @Schema(description = "the MAC Rigplane's own magic packet goes to, when set") @Nullable String wakeOnLanMac) {

    /** A PCI mapping present on the node, with the profile that holds it, if any. */
    public record Gpu(@Schema(example = "rtx3070") String mapping, String path, @Nullable String holder) {
    }
}

package io.rigplane.profile;

import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The reference setup's profile, as the README's curl creates it. */
final class GamingPc {

    static final String JSON = """
            {
              "name": "gaming-pc",
              "description": "Windows 11 with the RTX 3070 for streaming",
              "node": "srv02",
              "vmid": 100,
              "platform": "windows-11-gaming",
              "cores": 8,
              "memoryMiB": 32768,
              "disks": [
                {"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 200, "role": "system"},
                {"slot": "scsi1", "storage": "local-zfs", "sizeGiB": 500, "role": "data"}
              ],
              "gpu": "rtx3070",
              "network": {"bridge": "vmbr0", "mac": "BC:24:11:AA:BB:CC"},
              "tags": ["gaming"]
            }""";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private GamingPc() {
    }

    /** The reference profile changed by {@code change}, as JSON. */
    static String with(Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) MAPPER.readTree(JSON);
        change.accept(node);
        return node.toString();
    }

    static String named(String name, Integer vmid) {
        return with(node -> {
            node.put("name", name);
            if (vmid == null) {
                node.remove("vmid");
            } else {
                node.put("vmid", vmid);
            }
        });
    }
}

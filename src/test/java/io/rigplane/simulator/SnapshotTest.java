package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest extends SimulatorTestBase {

    private List<Map<String, Object>> snapshots() {
        return api.get(vmPath(100) + "/snapshot").dataList();
    }

    @Test
    void snapshotTreeEndsWithTheCurrentPseudoEntry() {
        sim.faults().taskMillis(300L);
        PveTestClient.Reply first = api.post(vmPath(100) + "/snapshot", "snapname", "base", "description", "clean install",
                "vmstate", 0);
        PveTestClient.eventually(2000, "snapstate prepare", () -> snapshots().stream()
                .anyMatch(s -> "base".equals(s.get("name")) && "prepare".equals(s.get("snapstate"))));
        api.runTask(first, "OK");
        sim.faults().taskMillis(null);
        api.runTask(api.post(vmPath(100) + "/snapshot", "snapname", "drivers"), "OK");

        List<Map<String, Object>> list = snapshots();
        assertThat(list).extracting(s -> s.get("name")).containsExactly("base", "drivers", "current");
        Map<String, Object> base = list.get(0);
        assertThat(base).containsEntry("description", "clean install").containsKey("snaptime")
                .doesNotContainKeys("parent", "snapstate");
        assertThat(list.get(1)).containsEntry("parent", "base");
        Map<String, Object> current = list.get(2);
        assertThat(current).containsEntry("description", "You are here!").containsEntry("parent", "drivers")
                .containsEntry("running", 0).doesNotContainKey("snaptime");
        assertThat((String) current.get("digest")).isEqualTo(api.config("srv02", 100).get("digest"));
        assertThat(api.get(vmPath(100) + "/snapshot/base/config").dataMap()).containsEntry("cores", 8)
                .containsEntry("description", "clean install");

        api.runTask(api.post(vmPath(100) + "/snapshot", "snapname", "base"), "snapshot name 'base' already used");
        assertThat(api.post(vmPath(100) + "/snapshot", "snapname", "current").status()).isEqualTo(500);
        assertThat(api.post(vmPath(100) + "/snapshot", "snapname", "pending").status()).isEqualTo(500);
        assertThat(api.post(vmPath(100) + "/snapshot", "snapname", "1st").status()).isEqualTo(400);
        assertThat(api.post(vmPath(100) + "/snapshot", "snapname", "a".repeat(41)).status()).isEqualTo(400);
        assertThat(api.post(vmPath(100) + "/snapshot", "snapname", "a".repeat(40)).status()).isEqualTo(200);
    }

    @Test
    void deleteRelinksTheTreeAndRollbackRestoresTheConfig() {
        api.runTask(api.post(vmPath(100) + "/snapshot", "snapname", "one"), "OK");
        assertThat(api.put(vmPath(100) + "/config", "cores", 2).status()).isEqualTo(200);
        api.runTask(api.post(vmPath(100) + "/snapshot", "snapname", "two"), "OK");
        assertThat(api.put(vmPath(100) + "/config", "cores", 4).status()).isEqualTo(200);

        api.runTask(api.post(vmPath(100) + "/snapshot/one/rollback"), "OK");
        assertThat(api.config("srv02", 100)).containsEntry("cores", 8).containsEntry("parent", "one");

        int before = sim.destructiveCallCount();
        api.runTask(api.delete(vmPath(100) + "/snapshot/one"), "OK");
        assertThat(sim.destructiveCallCount()).isEqualTo(before + 1);
        List<Map<String, Object>> list = snapshots();
        assertThat(list).extracting(s -> s.get("name")).containsExactly("two", "current");
        assertThat(list.get(0)).doesNotContainKey("parent");
        assertThat(list.get(1)).doesNotContainKey("parent");
        api.runTask(api.delete(vmPath(100) + "/snapshot/nope"), "snapshot 'nope' does not exist");
    }
}

package io.rigplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Profiles and operations asked of the service the way a script would, shared by the reliability tests. */
final class Workload {

    private Workload() {
    }

    /** A small VM, so that many of them fit on the simulator's two nodes at once. */
    static void createProfile(Api api, String name, String node) {
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 2048,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name, node));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** {@code POST /api/v1/profiles/{name}/{action}}, which must be accepted as an operation. */
    static String submit(Api api, String profile, String action) {
        Api.Reply accepted = api.post("/api/v1/profiles/" + profile + "/" + action, null);
        assertThat(accepted.status()).as(action + " " + profile + ": " + accepted.body()).isEqualTo(202);
        return accepted.json().get("id").asString();
    }

    /** Every operation's end as the service reports it; fails if one is still running after the bound. */
    static Map<String, JsonNode> awaitAll(Api api, List<String> operations, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        Map<String, JsonNode> ended = new HashMap<>();
        for (String id : operations) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            ended.put(id, api.awaitOperation(id, left.isZero() ? Duration.ofMillis(1) : left));
        }
        return ended;
    }

    /** The worker tasks of one type the simulator ran per VM id since {@code before} was taken. */
    static Map<String, Integer> newTasks(ProxmoxSimulator simulator, ProxmoxSimulator.TaskCounts before, String type) {
        Map<String, Integer> now = new HashMap<>(simulator.taskCounts().byVm().getOrDefault(type, Map.of()));
        before.byVm().getOrDefault(type, Map.of()).forEach((vm, count) -> now.merge(vm, -count, Integer::sum));
        now.values().removeIf(count -> count == 0);
        return now;
    }

    static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + "-" + i);
        }
        return names;
    }
}

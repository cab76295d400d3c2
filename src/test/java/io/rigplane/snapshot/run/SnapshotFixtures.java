package io.rigplane.snapshot.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Profiles with a VM on the simulator, their policies, and waiting for snapshot runs. */
final class SnapshotFixtures {

    private final Api api;
    private final RunStore runs;

    SnapshotFixtures(Api api, RunStore runs) {
        this.api = api;
        this.runs = runs;
    }

    /** A profile whose VM has been created (applied). */
    String profileWithVm(String prefix, String node) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "%s", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name, node));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Reply apply = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(apply.status()).as(apply.body()).isEqualTo(202);
        JsonNode applied = api.awaitOperation(apply.json().get("id").asString(), Duration.ofSeconds(60));
        assertThat(applied.get("state").asString()).as(applied.toString()).isEqualTo("SUCCEEDED");
        return name;
    }

    JsonNode putPolicies(String profile, String policiesJson) {
        Api.Reply put = api.put("/api/v1/profiles/" + profile + "/snapshot-policy", "{\"policies\": " + policiesJson + "}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return put.json();
    }

    JsonNode manual(String profile, String name) {
        Api.Reply taken = api.post("/api/v1/profiles/" + profile + "/snapshots", "{\"name\": \"" + name + "\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(202);
        return api.awaitOperation(taken.json().get("id").asString(), Duration.ofSeconds(60));
    }

    /** Waits until the run has ended, and returns it as it ended. */
    SnapshotRun await(UUID run) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            SnapshotRun current = runs.find(run).orElseThrow();
            if (current.finished()) {
                return current;
            }
            sleep(50);
        }
        throw new AssertionError("run did not end: " + runs.find(run));
    }

    JsonNode snapshots(String profile) {
        Api.Reply list = api.get("/api/v1/profiles/" + profile + "/snapshots");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

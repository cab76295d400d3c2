package io.rigplane.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Profiles with a GPU, applied to VMs on the simulator, and waiting for operations. */
final class PowerFixtures {

    private final Api api;

    PowerFixtures(Api api) {
        this.api = api;
    }

    String profile(String prefix, String gpu, String policy) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv02", "platform": "windows-11-gaming", "cores": 4, "memoryMiB": 8192,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "gpu": "%s", "gpuPolicy": "%s", "shutdownTimeoutSeconds": 5}""".formatted(name, gpu, policy));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    /** Submits an apply and returns its operation id (wait for it with {@link #await}). */
    String apply(String name) {
        Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/apply", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().get("id").asString();
    }

    JsonNode power(String name, String action) {
        Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/" + action, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return await(accepted.json().get("id").asString());
    }

    JsonNode status(String name) {
        Api.Reply status = api.get("/api/v1/profiles/" + name + "/status");
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json();
    }

    JsonNode await(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode operation = api.get("/api/v1/operations/" + id).json();
            String state = operation.get("state").asString();
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return operation;
            }
            sleep(100);
        }
        throw new AssertionError("operation did not finish: " + api.get("/api/v1/operations/" + id).body());
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

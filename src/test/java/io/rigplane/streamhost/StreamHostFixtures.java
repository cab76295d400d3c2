package io.rigplane.streamhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Profiles whose VM is created and started on the simulator, through the API as a user would. */
final class StreamHostFixtures {

    private final Api api;

    StreamHostFixtures(Api api) {
        this.api = api;
    }

    String profile(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api.post("/api/v1/profiles", """
                {"name": "%s", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""
                .formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    String applied(String prefix) {
        String name = profile(prefix);
        succeed(api.post("/api/v1/profiles/" + name + "/apply", null));
        return name;
    }

    /** A profile whose VM was just started: its guest boots and its stream host comes up a little later. */
    String started(String prefix) {
        String name = applied(prefix);
        succeed(api.post("/api/v1/profiles/" + name + "/start", null));
        return name;
    }

    private void succeed(Api.Reply accepted) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode done = api.awaitOperation(accepted.json().get("id").asString(), Duration.ofSeconds(60));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
    }
}

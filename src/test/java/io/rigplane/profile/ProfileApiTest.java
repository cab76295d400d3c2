package io.rigplane.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ProfileApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProfileCatalog catalog;

    Api api;

    @BeforeEach
    void clean() {
        jdbc.update("delete from profile");
        api = Api.at(port);
    }

    @Test
    void createsTheReferenceProfileAndReadsItBack() {
        Api.Reply created = api.post("/api/v1/profiles", GamingPc.JSON);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/v1/profiles/gaming-pc");
        assertThat(created.header("ETag")).contains("\"0\"");
        Api.Reply read = api.get("/api/v1/profiles/gaming-pc");
        assertThat(read.status()).isEqualTo(200);
        JsonNode body = read.json();
        assertThat(body.get("cores").asInt()).isEqualTo(8);
        assertThat(body.get("memoryMiB").asInt()).isEqualTo(32768);
        assertThat(body.get("disks")).hasSize(2);
        assertThat(body.get("disks").get(1).get("role").asString()).isEqualTo("data");
        assertThat(body.get("gpu").asString()).isEqualTo("rtx3070");
        assertThat(body.get("network").get("mac").asString()).isEqualTo("BC:24:11:AA:BB:CC");
        assertThat(body.get("tags").get(0).asString()).isEqualTo("gaming");
    }
}

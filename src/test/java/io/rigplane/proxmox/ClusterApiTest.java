package io.rigplane.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Demo mode with zero configuration: the simulator is cluster "default", listed and checked over the API. */
@IntegrationTest
class ClusterApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxClusters clusters;

    @Test
    void listsTheDemoClusterWithoutItsSecret() {
        assertThat(clusters.ids()).containsExactly("default");
        assertThat(clusters.defaultId()).hasValue("default");
        assertThat(clusters.defaultClient().nodes()).isNotEmpty();

        Api.Reply reply = Api.at(port).get("/api/v1/clusters");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode cluster = reply.json().get("clusters").get(0);
        assertThat(cluster.get("id").asString()).isEqualTo("default");
        assertThat(cluster.get("url").asString()).startsWith("https://");
        assertThat(cluster.get("nodes").asInt()).isEqualTo(2);
        assertThat(reply.body()).doesNotContain("00000000-0000-0000-0000-000000000000").doesNotContain("token");
    }

    @Test
    void checksTheConnection() {
        Api.Reply reply = Api.at(port).get("/api/v1/clusters/default/check");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode check = reply.json();
        assertThat(check.get("reachable").asBoolean()).isTrue();
        assertThat(check.get("certificateMatches").asBoolean()).isTrue();
        assertThat(check.get("tokenValid").asBoolean()).isTrue();
        assertThat(check.get("permissionsSufficient").asBoolean()).isTrue();
        assertThat(check.get("version").asString()).isNotBlank();
        assertThat(check.get("messages").isArray()).isTrue();
    }

    @Test
    void anUnknownClusterIsAProblem() {
        Api.Reply reply = Api.at(port).get("/api/v1/clusters/nope/check");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("https://rigplane.io/problems/unknown-cluster");
    }

    @Test
    void needsAnAdminToken() {
        assertThat(Api.anonymous(port).get("/api/v1/clusters").status()).isEqualTo(401);
    }
}

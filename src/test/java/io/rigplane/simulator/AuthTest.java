package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthTest extends SimulatorTestBase {

    @Override
    SimulatorSettings settings() {
        return SimulatorSettings.forTests().withAuthFailureDelay(Duration.ofMillis(300));
    }

    @Test
    void apiTokenIsAcceptedAndAWrongSecretIsRefusedAfterTheConfiguredDelay() {
        assertThat(api.get("/nodes").status()).isEqualTo(200);

        api.authorization = "PVEAPIToken=root@pam!rigplane=wrong-secret";
        long t0 = System.nanoTime();
        PveTestClient.Reply refused = api.get("/nodes");
        long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).containsEntry("data", null);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(api.rawStatusLine("GET", "/nodes", null)).isEqualTo("HTTP/1.1 401 invalid token value!");

        api.authorization = null;
        assertThat(api.get("/version").status()).isEqualTo(401);
        assertThat(api.rawStatusLine("GET", "/version", null)).startsWith("HTTP/1.1 401");
    }

    @Test
    void ticketNeedsTheCsrfTokenOnModifyingCalls() {
        api.authorization = null;
        PveTestClient.Reply bad = api.post("/access/ticket", "username", "root@pam", "password", "nope");
        assertThat(bad.status()).isEqualTo(401);

        PveTestClient.Reply login = api.post("/access/ticket", "username", "root", "realm", "pam", "password", "rigplane-demo");
        assertThat(login.status()).isEqualTo(200);
        Map<String, Object> data = login.dataMap();
        assertThat(data).containsEntry("username", "root@pam").containsKeys("ticket", "CSRFPreventionToken");
        assertThat((String) data.get("ticket")).startsWith("PVE:root@pam:");
        api.cookie = (String) data.get("ticket");

        assertThat(api.get("/nodes/srv02/qemu").status()).isEqualTo(200);
        PveTestClient.Reply noCsrf = api.put(vmPath(100) + "/config", "name", "renamed");
        assertThat(noCsrf.status()).isEqualTo(401);

        api.csrf = (String) data.get("CSRFPreventionToken");
        assertThat(api.put(vmPath(100) + "/config", "name", "renamed").status()).isEqualTo(200);
        assertThat(api.config("srv02", 100)).containsEntry("name", "renamed");
    }

    @Test
    void rootOnlyOptionsAreRefusedForTokensButAllowedForRootWithPassword() {
        // the exact answers are in RealClientConformanceTest
        assertThat(api.put(vmPath(100) + "/config", "args", "-cpu host").status()).isEqualTo(500);
        assertThat(api.put(vmPath(100) + "/config", "hostpci1", "host=0000:01:00,pcie=1").status()).isEqualTo(500);
        assertThat(api.put(vmPath(100) + "/config", "hostpci1", "mapping=rtx3070,romfile=vbios.rom").status()).isEqualTo(400);
        assertThat(api.put(vmPath(100) + "/config", "name", "x", "skiplock", "1").status()).isEqualTo(400);
        // a mapped GPU is what a token may pass through
        assertThat(api.put(vmPath(100) + "/config", "hostpci1", "mapping=rtx3070,pcie=1").status()).isEqualTo(200);

        api.authorization = null;
        Map<String, Object> login = api.post("/access/ticket", "username", "root@pam", "password", "rigplane-demo").dataMap();
        api.cookie = (String) login.get("ticket");
        api.csrf = (String) login.get("CSRFPreventionToken");
        assertThat(api.put(vmPath(100) + "/config", "args", "-cpu host").status()).isEqualTo(200);
    }
}

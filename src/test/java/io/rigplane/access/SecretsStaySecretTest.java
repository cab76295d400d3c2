package io.rigplane.access;

import io.rigplane.access.token.TokenSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tokens, passwords and registered secrets never show in a response, the audit log or a log line. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsStaySecretTest {

    private static final Logger log = LoggerFactory.getLogger(SecretsStaySecretTest.class);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noSecretInAnyResponseAuditRowOrLogLine(CapturedOutput output) {
        Api admin = Api.at(port);
        String password = "a-password-nobody-may-see-42";
        String token = admin.post("/api/v1/tokens", "{\"name\":\"leak check\",\"scopes\":[\"profiles:read\"]}")
                .json().get("token").asString();
        Api script = admin.withToken(token);
        String guessed = "rgp_guessed-token-that-does-not-exist-0123456789";

        List<Api.Reply> replies = new ArrayList<>();
        replies.add(script.get("/api/v1/profiles"));
        replies.add(admin.post("/api/v1/users",
                "{\"username\":\"leak-check\",\"password\":\"" + password + "\",\"role\":\"viewer\"}"));
        replies.add(admin.post("/api/v1/users",
                "{\"username\":\"leak-check\",\"password\":\"" + password + "\",\"role\":\"viewer\"}"));
        replies.add(admin.post("/api/v1/users", "{\"username\":\"Bad Name\",\"password\":\"" + password
                + "\",\"role\":\"viewer\"}"));
        replies.add(admin.put("/api/v1/users/leak-check/password", "{\"newPassword\":\"" + password + "x\"}"));
        replies.add(admin.post("/api/v1/tokens", "{\"name\":\"leak check\",\"scopes\":[\"profiles:read\"]}"));
        replies.add(admin.get("/api/v1/tokens"));
        replies.add(admin.get("/api/v1/users"));
        replies.add(admin.get("/api/v1/audit?size=500"));
        replies.add(admin.withToken(guessed).get("/api/v1/profiles"));
        String apolloPassword = "apollo-password-nobody-may-see-17";
        replies.add(admin.post("/api/v1/profiles", """
                {"name": "leak-check", "node": "srv03", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}"""));
        replies.add(admin.put("/api/v1/profiles/leak-check/stream-host",
                "{\"username\":\"admin\",\"password\":\"" + apolloPassword + "\"}"));
        replies.add(admin.put("/api/v1/profiles/leak-check/stream-host",
                "{\"httpPort\":1,\"password\":\"" + apolloPassword + "\"}"));
        replies.add(admin.get("/api/v1/profiles/leak-check/stream-host"));
        replies.add(admin.get("/api/v1/audit?size=500"));
        replies.add(Api.anonymous(port).get("/v3/api-docs"));

        List<String> secrets = List.of(token, TokenSecrets.hash(token), password, guessed,
                IntegrationTest.ADMIN_TOKEN, IntegrationTest.ADMIN_PASSWORD, apolloPassword);
        for (Api.Reply reply : replies) {
            for (String secret : secrets) {
                assertThat(reply.body()).doesNotContain(secret);
            }
        }
        assertThat(replies.get(replies.size() - 1).body()).as("no token-shaped example in the OpenAPI description")
                .doesNotContainPattern("rgp_[A-Za-z0-9_-]{8,}");
        String audit = String.join("\n", jdbc.queryForList(
                "select concat_ws(' ', actor_name, action, target, detail) from audit_event", String.class));
        String logs = output.getAll();
        for (String secret : secrets) {
            assertThat(audit).doesNotContain(secret);
            assertThat(logs).doesNotContain(secret);
        }
    }

    @Test
    void logLinesMaskTokensAndRegisteredSecretsEvenInStackTraces(CapturedOutput output) {
        String token = TokenSecrets.newToken();
        String proxmoxSecret = "3f1e9c2a-proxmox-token-secret";
        SecretMask.register(proxmoxSecret);

        log.warn("calling with {} and {}", token, proxmoxSecret,
                new IllegalStateException("refused secret " + proxmoxSecret + " and token " + token));

        assertThat(output.getAll()).doesNotContain(token).doesNotContain(proxmoxSecret)
                .contains("calling with rgp_**** and ****").contains("refused secret **** and token rgp_****");
    }

    @Test
    void aFirstStartCredentialMarkedRevealOnceIsPrinted(CapturedOutput output) {
        String generated = TokenSecrets.newToken();

        log.warn(SecretMask.REVEAL_ONCE, "Created admin API token: {}", generated);

        assertThat(output.getAll()).contains(generated);
    }
}

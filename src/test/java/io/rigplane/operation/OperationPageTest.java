package io.rigplane.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's operation page and its event stream stay behind the sign-in. */
@IntegrationTest
class OperationPageTest {

    @LocalServerPort
    int port;

    @Test
    void thePageAndItsEventsNeedASignIn() {
        Api anonymous = Api.anonymous(port);
        for (String path : new String[] {"/operations/" + UUID.randomUUID(),
                "/operations/" + UUID.randomUUID() + "/events"}) {
            Api.Reply reply = anonymous.get(path, "Accept", "text/event-stream");
            assertThat(reply.status()).as(path).isEqualTo(302);
            assertThat(reply.header("Location").orElse("")).as(path).endsWith("/login");
        }
    }

    @Test
    void aBearerTokenDoesNotOpenTheDashboardStream() {
        Api.Reply reply = Api.at(port).get("/operations/" + UUID.randomUUID() + "/events");
        assertThat(reply.status()).isEqualTo(302);
    }
}

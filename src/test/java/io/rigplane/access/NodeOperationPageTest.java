package io.rigplane.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.operation.OperationView;
import io.rigplane.operation.OperationRequest;
import io.rigplane.operation.Operations;
import io.rigplane.support.IntegrationTest;
import io.rigplane.support.TestOperationHandlers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page of an operation on a node links to the nodes page, not to a profile of that name. */
@IntegrationTest
class NodeOperationPageTest {

    @LocalServerPort
    int port;

    @Autowired
    Operations operations;

    @Test
    void aNodeOperationLinksToTheNodes() {
        OperationView wake = operations.submit(new OperationRequest(TestOperationHandlers.KIND, "node:default/srv03",
                Map.of("steps", "1"), new Actor(Actor.Type.USER, "admin"), null));
        RawHttp http = new RawHttp("127.0.0.77", port);
        String cookie = http.signIn("admin", IntegrationTest.ADMIN_PASSWORD).header("set-cookie").split(";")[0];

        RawHttp.Reply page = http.send("GET", "/operations/" + wake.id(), Map.of("Cookie", cookie), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/nodes\"").doesNotContain("/profiles/node:");
    }
}

package io.rigplane.operation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Moving a waiting operation's trigger is one delete and one insert in Quartz's tables. Done outside a
 * transaction, each statement committed on its own: a database lost between them left a trigger row
 * without its schedule, which every replica's trigger acquisition then failed on ("No record found"),
 * sleeping 15 s between tries, so that operation and every other one stalled for good. The move is all
 * or nothing, and a failed move leaves the wait's recheck to carry the operation on.
 */
@IntegrationTest
class WaitTriggerMoveTest {

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    WaitTriggers triggers;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restore() {
        liftFault();
        simulator.setNodeOnline("srv02", true);
        simulator.setNodeOnline("srv03", true);
    }

    @Test
    void aMoveThatFailsHalfwayLeavesTheWaitWholeAndTheOperationFinishes() throws Exception {
        Api api = Api.at(port);
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Api.Reply saved = api.put("/api/v1/nodes/srv03/wake-on-lan",
                    "{\"mac\": \"aa:bb:cc:dd:ee:03\", \"broadcast\": \"127.0.0.1\", \"port\": %d}"
                            .formatted(listener.getLocalPort()));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            simulator.setNodeOnline("srv02", false);
            simulator.setNodeOnline("srv03", false);
            Api.Reply accepted = api.post("/api/v1/nodes/srv03/wake", null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            UUID id = UUID.fromString(accepted.json().get("id").asString());
            awaitWaitTrigger(id);

            // the database fails the move's insert of the schedule, after its delete and the trigger row
            // (as a connection lost between the statements would)
            injectFault();
            assertThatThrownBy(() -> triggers.now(id)).as("the move fails").isNotNull();
            liftFault();

            assertThat(triggerRows(id)).as("the wait's trigger, whole: trigger row and schedule row")
                    .isEqualTo(new Rows(1, 1));
            simulator.setNodeOnline("srv03", true);
            JsonNode woken = await(api, id.toString(), Duration.ofSeconds(20));
            assertThat(woken.get("state").asString()).as(woken.toString()).isEqualTo("SUCCEEDED");
            assertThat(woken.get("attempts").asInt()).as("a wait is no new run").isEqualTo(1);
        }
    }

    private void awaitWaitTrigger(UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!triggerRows(id).equals(new Rows(1, 1))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("operation " + id + " never waited: " + triggerRows(id));
            }
            Thread.sleep(20);
        }
    }

    private Rows triggerRows(UUID id) {
        int trigger = jdbc.sql("select count(*) from qrtz_triggers where trigger_group = :group and trigger_name = :name")
                .param("group", WaitTriggers.GROUP).param("name", id.toString()).query(Integer.class).single();
        int schedule = jdbc.sql("select count(*) from qrtz_simple_triggers where trigger_group = :group"
                + " and trigger_name = :name")
                .param("group", WaitTriggers.GROUP).param("name", id.toString()).query(Integer.class).single();
        return new Rows(trigger, schedule);
    }

    private void injectFault() {
        jdbc.sql("""
                create or replace function wait_move_fault() returns trigger language plpgsql as $$
                begin
                    raise exception 'injected: the connection is lost between the statements of a move';
                end $$""").update();
        jdbc.sql("""
                create trigger wait_move_fault before insert on qrtz_simple_triggers
                for each row when (new.trigger_group = 'operation-waits') execute function wait_move_fault()""")
                .update();
    }

    private void liftFault() {
        jdbc.sql("drop trigger if exists wait_move_fault on qrtz_simple_triggers").update();
        jdbc.sql("drop function if exists wait_move_fault()").update();
    }

    private static JsonNode await(Api api, String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode operation = api.get("/api/v1/operations/" + id).json();
        while (!operation.get("state").asString().equals("SUCCEEDED")
                && !operation.get("state").asString().equals("FAILED") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            operation = api.get("/api/v1/operations/" + id).json();
        }
        return operation;
    }

    private record Rows(int trigger, int schedule) {
    }
}

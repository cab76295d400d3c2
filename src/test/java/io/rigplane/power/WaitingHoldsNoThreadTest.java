package io.rigplane.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A power operation that waits for Proxmox (a node's boot, a start task) gives its Quartz thread
 * back meanwhile, and carries on in the same steps once the wait is over: no step twice, no task
 * started twice, no second run counted. Twenty sessions at once used to queue for Quartz's eight
 * threads behind starts that slept through their node's boot.
 */
@IntegrationTest
class WaitingHoldsNoThreadTest {

    private static final Duration WATCH = Duration.ofSeconds(3);

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    Scheduler scheduler;

    @AfterEach
    void restore() {
        simulator.setNodeOnline("srv02", true);
        simulator.setNodeOnline("srv03", true);
        simulator.faults().taskMillis(null);
    }

    @Test
    void aNodeWakeWaitingForTheBootHoldsNoThreadAndFinishesOnceTheNodeAnswers() throws Exception {
        Api api = Api.at(port);
        PowerFixtures fixtures = new PowerFixtures(api);
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Api.Reply saved = api.put("/api/v1/nodes/srv03/wake-on-lan",
                    "{\"mac\": \"aa:bb:cc:dd:ee:03\", \"broadcast\": \"127.0.0.1\", \"port\": %d}"
                            .formatted(listener.getLocalPort()));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            simulator.setNodeOnline("srv02", false);
            simulator.setNodeOnline("srv03", false);

            Api.Reply accepted = api.post("/api/v1/nodes/srv03/wake", null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            String id = accepted.json().get("id").asString();
            awaitStep(api, id, "wait for node srv03");

            // the node stays asleep: the operation runs, but a Quartz thread runs it only for a look now and then
            Share share = watch(id, WATCH);
            assertThat(api.get("/api/v1/operations/" + id).json().get("state").asString()).isEqualTo("RUNNING");
            assertThat(share.executing()).as("looks at the operation's job while it waited: " + share)
                    .isLessThan(share.looks() / 4);

            long woke = System.nanoTime();
            simulator.setNodeOnline("srv03", true);
            JsonNode woken = fixtures.await(id);
            long took = (System.nanoTime() - woke) / 1_000_000;

            assertThat(woken.get("state").asString()).as(woken.toString()).isEqualTo("SUCCEEDED");
            assertThat(woken.get("attempts").asInt()).as("a wait is no new run").isEqualTo(1);
            assertThat(stepNames(woken)).as(woken.toString())
                    .containsExactly(Map.entry("wake node srv03", "SUCCEEDED"),
                            Map.entry("wait for node srv03", "SUCCEEDED"));
            assertThat(took).as("ms from the node's boot to the operation's end").isLessThan(3000);
        }
    }

    @Test
    void aStartWaitingForItsTaskHoldsNoThreadAndStartsTheVmOnce() throws Exception {
        Api api = Api.at(port);
        PowerFixtures fixtures = new PowerFixtures(api);
        String name = fixtures.profile("longstart", "rtx3070", "refuse");
        fixtures.await(fixtures.apply(name));
        ProxmoxSimulator.TaskCounts before = simulator.taskCounts();
        simulator.faults().taskMillis(4000L);

        Api.Reply accepted = api.post("/api/v1/profiles/" + name + "/start", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("id").asString();
        awaitStep(api, id, "start VM");
        Share share = watch(id, Duration.ofMillis(2500));
        JsonNode started = fixtures.await(id);

        assertThat(share.executing()).as("looks at the operation's job while its task ran: " + share)
                .isLessThan(share.looks() / 4);
        assertThat(started.get("state").asString()).as(started.toString()).isEqualTo("SUCCEEDED");
        assertThat(started.get("attempts").asInt()).isEqualTo(1);
        assertThat(stepNames(started).values()).as(started.toString()).containsOnly("SUCCEEDED");
        assertThat(started.get("steps")).hasSize(1);
        Map<String, Integer> starts = new HashMap<>(simulator.taskCounts().byVm().getOrDefault("qmstart", Map.of()));
        before.byVm().getOrDefault("qmstart", Map.of()).forEach((vm, count) -> starts.merge(vm, -count, Integer::sum));
        starts.values().removeIf(count -> count == 0);
        assertThat(starts.values()).as("qmstart tasks").containsExactly(1);
        fixtures.power(name, "stop");
    }

    /** How many of the looks over {@code duration} found the operation's job running on a Quartz thread. */
    private Share watch(String id, Duration duration) throws Exception {
        int looks = 0;
        int executing = 0;
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            looks++;
            for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
                if (running.getJobDetail().getKey().getName().equals(id)) {
                    executing++;
                }
            }
            PowerFixtures.sleep(20);
        }
        return new Share(looks, executing);
    }

    private static void awaitStep(Api api, String id, String prefix) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode step : api.get("/api/v1/operations/" + id).json().get("steps")) {
                if (step.get("name").asString().startsWith(prefix)) {
                    return;
                }
            }
            PowerFixtures.sleep(20);
        }
        throw new AssertionError("no step " + prefix + ": " + api.get("/api/v1/operations/" + id).body());
    }

    private static Map<String, String> stepNames(JsonNode operation) {
        Map<String, String> steps = new java.util.LinkedHashMap<>();
        for (JsonNode step : operation.get("steps")) {
            assertThat(steps.put(step.get("name").asString(), step.get("state").asString()))
                    .as("step recorded twice: " + operation).isNull();
        }
        return steps;
    }

    private record Share(int looks, int executing) {
    }
}

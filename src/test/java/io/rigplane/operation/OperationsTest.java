package io.rigplane.operation;

import io.rigplane.operation.internal.IdempotencyKeyReusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigplane.access.Actor;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import io.rigplane.support.TestOperationHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class OperationsTest {

    @Autowired
    Operations operations;

    @LocalServerPort
    int port;

    private static final Actor ADMIN = new Actor(Actor.Type.USER, "admin");

    @Test
    void runsTheStepsOnQuartzAndRecordsThemWithTheirTasks() {
        OperationView submitted = operations.submit(request("run-" + UUID.randomUUID(), Map.of("steps", "3")));
        assertThat(submitted.state()).isIn(OperationState.QUEUED, OperationState.RUNNING);

        OperationView done = awaitFinished(submitted.id());

        assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(done.summary()).isEqualTo("3 steps");
        assertThat(done.steps()).extracting(OperationStep::name).containsExactly("step 1", "step 2", "step 3");
        assertThat(done.steps()).allMatch(step -> step.state() == StepState.SUCCEEDED && step.finishedAt() != null);
        assertThat(done.upids()).hasSize(3).allMatch(upid -> upid.startsWith("UPID:srv02:"));
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
    }

    @Test
    void aFailingStepFailsTheOperationWithItsReason() {
        OperationView submitted = operations.submit(request("fail-" + UUID.randomUUID(),
                Map.of("steps", "3", "failAt", "step 2")));

        OperationView done = awaitFinished(submitted.id());

        assertThat(done.state()).isEqualTo(OperationState.FAILED);
        assertThat(done.error()).isEqualTo("failed on purpose at step 2");
        assertThat(done.steps()).extracting(OperationStep::state)
                .containsExactly(StepState.SUCCEEDED, StepState.FAILED);
    }

    @Test
    void oneOperationPerTargetEvenWhenManyArriveAtOnce() throws Exception {
        String target = "busy-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            attempts.add(() -> {
                try {
                    return operations.submit(request(target, Map.of("sleepMillis", "500")));
                } catch (OperationConflictException e) {
                    return e;
                }
            });
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> outcome : pool.invokeAll(attempts)) {
            outcomes.add(outcome.get());
        }
        pool.shutdown();

        List<OperationView> accepted = outcomes.stream().filter(OperationView.class::isInstance).map(OperationView.class::cast).toList();
        assertThat(accepted).hasSize(1);
        assertThat(outcomes).filteredOn(OperationConflictException.class::isInstance)
                .hasSize(15)
                .allMatch(e -> ((OperationConflictException) e).running().equals(accepted.get(0).id()));
        awaitFinished(accepted.get(0).id());
        assertThat(operations.submit(request(target, Map.of())).id()).isNotEqualTo(accepted.get(0).id());
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameOperation() {
        String target = "idem-" + UUID.randomUUID();
        OperationRequest first = new OperationRequest(TestOperationHandlers.KIND, target, Map.of(), ADMIN, "key-" + target);

        OperationView one = operations.submit(first);
        OperationView again = operations.submit(first);

        assertThat(again.id()).isEqualTo(one.id());
        awaitFinished(one.id());
        assertThat(operations.submit(first).id()).isEqualTo(one.id());
        assertThatThrownBy(() -> operations.submit(new OperationRequest(TestOperationHandlers.KIND, "elsewhere",
                Map.of(), ADMIN, "key-" + target))).isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void theApiShowsOperationsAndStreamsTheirProgress() throws Exception {
        OperationView submitted = operations.submit(request("sse-" + UUID.randomUUID(),
                Map.of("steps", "2", "sleepMillis", "1500")));

        HttpResponse<String> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/operations/" + submitted.id() + "/events"))
                        .header("Authorization", "Bearer " + IntegrationTest.ADMIN_TOKEN)
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        List<String> events = stream.body().lines().filter(line -> line.startsWith("data:")).toList();
        assertThat(events.size()).as(stream.body()).isGreaterThanOrEqualTo(2);
        assertThat(events.get(0)).doesNotContain("\"state\":\"SUCCEEDED\"");
        assertThat(events.get(events.size() - 1)).contains("\"state\":\"SUCCEEDED\"");
        Api.Reply read = Api.at(port).get("/api/v1/operations/" + submitted.id());
        assertThat(read.json().get("steps")).hasSize(2);
        assertThat(Api.at(port).get("/api/v1/operations?target=" + submitted.target()).json()
                .get("items")).hasSize(1);
        assertThat(Api.at(port).get("/api/v1/operations/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(Api.at(port).get("/api/v1/operations/not-a-uuid").status()).isEqualTo(400);
    }

    private static OperationRequest request(String target, Map<String, String> params) {
        return new OperationRequest(TestOperationHandlers.KIND, target, params, ADMIN, null);
    }

    private OperationView awaitFinished(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            OperationView operation = operations.get(id);
            if (operation.state().finished()) {
                return operation;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("operation " + id + " did not finish: " + operations.get(id));
    }
}

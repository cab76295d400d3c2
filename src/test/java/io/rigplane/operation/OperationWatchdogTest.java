package io.rigplane.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.access.Actor;
import io.rigplane.support.IntegrationTest;
import io.rigplane.support.TestOperationHandlers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operation whose Quartz job was lost (it fired while PostgreSQL was down, or its replica could
 * not record the end) is run again by the watchdog, and failed with a reason once it has had its runs.
 */
@IntegrationTest
class OperationWatchdogTest {

    private static final Actor ADMIN = new Actor(Actor.Type.USER, "admin");

    @Autowired
    OperationWatchdog watchdog;

    @Autowired
    OperationStore store;

    @Autowired
    Operations operations;

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aQueuedOperationThatLostItsJobIsQueuedAgainAndRuns() throws Exception {
        UUID id = jobLess("lost-queued-" + UUID.randomUUID(), 0);

        watchdog.failAbandoned();

        Operation done = awaitFinished(id);
        assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(done.summary()).isEqualTo("2 steps");
        assertThat(done.attempts()).isEqualTo(1);
    }

    @Test
    void aRunningOperationWhoseJobVanishedIsResumed() throws Exception {
        UUID id = jobLess("lost-running-" + UUID.randomUUID(), 1);

        watchdog.failAbandoned();

        Operation done = awaitFinished(id);
        assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
    }

    @Test
    void anOperationThatHadItsRunsIsFailedWithTheReason() throws Exception {
        UUID id = jobLess("lost-thrice-" + UUID.randomUUID(), OperationWatchdog.RUNS);

        watchdog.failAbandoned();

        Operation failed = operations.get(id);
        assertThat(failed.state()).isEqualTo(OperationState.FAILED);
        assertThat(failed.error()).startsWith("Interrupted").contains(OperationWatchdog.RUNS + " times");
        assertThat(scheduler.checkExists(JobKey.jobKey(id.toString(), Operations.JOB_GROUP))).isFalse();
    }

    @Test
    void anOperationWhoseJobStillExistsIsLeftToQuartz() throws Exception {
        Operation queued = operations.submit(new OperationRequest(TestOperationHandlers.KIND,
                "slow-" + UUID.randomUUID(), Map.of("sleepMillis", "1500"), ADMIN, null));
        makeSilent(queued.id());

        watchdog.failAbandoned();

        Operation done = awaitFinished(queued.id());
        assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
    }

    /** An operation with no Quartz job, silent for longer than the watchdog waits, after the given runs. */
    private UUID jobLess(String target, int runs) {
        UUID id = UUID.randomUUID();
        store.insert(id, new OperationRequest(TestOperationHandlers.KIND, target, Map.of(), ADMIN, null),
                Instant.now());
        for (int i = 0; i < runs; i++) {
            store.markRunning(id, Instant.now());
        }
        makeSilent(id);
        return id;
    }

    private void makeSilent(UUID id) {
        Instant past = Instant.now().minus(OperationWatchdog.SILENCE).minusSeconds(5);
        jdbc.sql("update operation set created_at = :past, heartbeat_at = :past where id = :id")
                .param("past", Timestamp.from(past)).param("id", id).update();
    }

    private Operation awaitFinished(UUID id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Operation operation = operations.get(id);
            if (operation.state().finished()) {
                return operation;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("operation " + id + " did not finish: " + operations.get(id));
    }
}

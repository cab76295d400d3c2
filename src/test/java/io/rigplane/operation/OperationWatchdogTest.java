package io.rigplane.operation;

import io.rigplane.operation.internal.OperationStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.access.Actor;
import io.rigplane.support.IntegrationTest;
import io.rigplane.support.TestOperationHandlers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
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

        OperationView done = awaitFinished(id);
        assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(done.summary()).isEqualTo("2 steps");
        assertThat(done.attempts()).isEqualTo(1);
    }

    @Test
    void aRunningOperationWhoseJobVanishedIsResumed() throws Exception {
        UUID id = jobLess("lost-running-" + UUID.randomUUID(), 1);

        watchdog.failAbandoned();

        OperationView done = awaitFinished(id);
        assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
    }

    @Test
    void anOperationThatHadItsRunsIsFailedWithTheReason() throws Exception {
        UUID id = jobLess("lost-thrice-" + UUID.randomUUID(), OperationWatchdog.RUNS);

        watchdog.failAbandoned();

        OperationView failed = operations.get(id);
        assertThat(failed.state()).isEqualTo(OperationState.FAILED);
        assertThat(failed.error()).startsWith("Interrupted").contains(OperationWatchdog.RUNS + " times");
        assertThat(scheduler.checkExists(JobKey.jobKey(id.toString(), Operations.JOB_GROUP))).isFalse();
    }

    @Test
    void anOperationQueuedLongAgoThatNeverStartedIsGivenUp() {
        UUID id = jobLess("never-started-" + UUID.randomUUID(), 0);
        age(id, Instant.now().minus(OperationWatchdog.GIVE_UP).minusSeconds(5));

        watchdog.failAbandoned();

        OperationView failed = operations.get(id);
        assertThat(failed.state()).isEqualTo(OperationState.FAILED);
        assertThat(failed.error()).startsWith("Never started");
        assertThat(failed.attempts()).isZero();
    }

    @Test
    void aRunningOperationSilentForLongThatKeepsLosingItsJobIsGivenUp() {
        // queued again before, but its runs never got as far as being counted
        UUID id = jobLess("stalled-" + UUID.randomUUID(), 1);
        age(id, Instant.now().minus(OperationWatchdog.GIVE_UP).minusSeconds(5));

        watchdog.failAbandoned();

        OperationView failed = operations.get(id);
        assertThat(failed.state()).isEqualTo(OperationState.FAILED);
        assertThat(failed.error()).startsWith("Stalled").contains("10 minutes");
    }

    @Test
    void anOperationWhoseJobStillExistsIsLeftToQuartz() throws Exception {
        // had its runs and is silent, but a job of its own is still waiting to fire: Quartz's to recover
        UUID id = ranBefore("job-waits-" + UUID.randomUUID(), OperationWatchdog.RUNS);
        JobKey key = JobKey.jobKey(id.toString(), Operations.JOB_GROUP);
        scheduler.scheduleJob(JobBuilder.newJob(OperationJob.class).withIdentity(key)
                        .usingJobData(OperationJob.OPERATION_ID, id.toString()).build(),
                TriggerBuilder.newTrigger().withIdentity(id.toString(), Operations.JOB_GROUP)
                        .startAt(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
        makeSilent(id);
        try {
            watchdog.failAbandoned();

            assertThat(operations.get(id).state()).isEqualTo(OperationState.RUNNING);
        } finally {
            scheduler.deleteJob(key);
        }
    }

    @Test
    void anOperationAnotherReplicaHasJustStartedAgainIsNotFailed() {
        // this replica's watchdog read it silent; another's queued it again and a third started it
        UUID id = ranBefore("started-again-" + UUID.randomUUID(), OperationWatchdog.RUNS - 1);
        Instant cutoff = Instant.now().minus(OperationWatchdog.SILENCE);
        store.markRunning(id, Instant.now());

        assertThat(store.failIfSilent(id, cutoff, "Interrupted", Instant.now())).isFalse();
        assertThat(operations.get(id).state()).isEqualTo(OperationState.RUNNING);
    }

    /** An operation with no Quartz job, silent for longer than the watchdog waits, after the given runs. */
    private UUID jobLess(String target, int runs) {
        UUID id = ranBefore(target, runs);
        makeSilent(id);
        return id;
    }

    /** An operation with no Quartz job after the given runs, its last heartbeat just now. */
    private UUID ranBefore(String target, int runs) {
        UUID id = UUID.randomUUID();
        store.insert(id, new OperationRequest(TestOperationHandlers.KIND, target, Map.of(), ADMIN, null),
                Instant.now());
        for (int i = 0; i < runs; i++) {
            store.markRunning(id, Instant.now());
        }
        return id;
    }

    private void makeSilent(UUID id) {
        age(id, Instant.now().minus(OperationWatchdog.SILENCE).minusSeconds(5));
    }

    private void age(UUID id, Instant past) {
        jdbc.sql("update operation set created_at = :past, heartbeat_at = :past where id = :id")
                .param("past", Timestamp.from(past)).param("id", id).update();
    }

    private OperationView awaitFinished(UUID id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            OperationView operation = operations.get(id);
            if (operation.state().finished()) {
                return operation;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("operation " + id + " did not finish: " + operations.get(id));
    }
}

package io.rigplane.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.access.Actor;
import io.rigplane.support.IntegrationTest;
import io.rigplane.support.TestOperationHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quartz wakes its scheduler thread as a trigger is written, before the transaction that queues the
 * operation commits: the thread found nothing yet and slept out its idle wait (about 1 s) before it
 * started the operation, a second on every session whose start was queued while the scheduler was idle.
 * Here the commit comes 200 ms after the write, as under load; the job store wakes the thread again once
 * it is done. The session monitor, which fires every 300 ms in tests and so wakes the scheduler thread
 * by itself, runs rarely here, as in production (every 5 s).
 */
@IntegrationTest
@TestPropertySource(properties = "rigplane.sessions.monitor-interval=1h")
class OperationPickupTest {

    private static final Actor ADMIN = new Actor(Actor.Type.USER, "admin");

    @Autowired
    Operations operations;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anOperationStartsOnceItsQueueingCommitsNotAfterTheSchedulersIdleWait() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        List<Long> pickups = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // the scheduler thread settles into its idle wait (idleWaitTime 1 s)
            Thread.sleep(1200);
            OperationView submitted = transaction.execute(status -> {
                OperationView queued = operations.submit(new OperationRequest(TestOperationHandlers.KIND,
                        "pickup-" + UUID.randomUUID(), Map.of("steps", "1", "sleepMillis", "0"), ADMIN, null));
                sleep(200);
                return queued;
            });
            long committed = System.currentTimeMillis();
            pickups.add(awaitStarted(submitted.id()) - committed);
        }
        assertThat(pickups).as("ms from the commit to the start, each time").allMatch(ms -> ms < 400);
    }

    private long awaitStarted(UUID id) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            OperationView operation = operations.get(id);
            if (operation.startedAt() != null) {
                return operation.startedAt().toEpochMilli();
            }
            sleep(10);
        }
        throw new AssertionError("operation " + id + " did not start: " + operations.get(id));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.rigplane.operation;

import io.rigplane.operation.internal.IdempotencyKeyReusedException;
import io.rigplane.operation.internal.OperationNotFoundException;
import io.rigplane.operation.internal.OperationStore;
import io.rigplane.system.Paging;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits and reads operations. A submitted operation is a row and a Quartz job written in one
 * transaction, so no operation exists without the work that carries it out.
 */
@Service
public class Operations {

    public static final int MAX_PAGE_SIZE = 200;

    /** The Quartz group of every operation's job (their names are the operations' ids). */
    public static final String JOB_GROUP = "operations";
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final OperationStore store;
    private final Scheduler scheduler;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Operations(OperationStore store, Scheduler scheduler, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Queues an operation, or returns the one submitted earlier with the same Idempotency-Key.
     * Refuses while another operation on the same target is active.
     */
    public OperationView submit(OperationRequest request) {
        Optional<OperationView> repeated = transaction.execute(status -> sameRequestAgain(request));
        if (repeated.isPresent()) {
            return repeated.get();
        }
        UUID id = UUID.randomUUID();
        try {
            transaction.executeWithoutResult(status -> {
                store.activeFor(request.target()).ifPresent(active -> {
                    throw new OperationConflictException(request.target(), active);
                });
                store.insert(id, request, clock.instant());
                schedule(id);
            });
        } catch (DataIntegrityViolationException race) {
            // another request for the same target or key won between our check and our insert
            Optional<OperationView> winner = transaction.execute(status -> sameRequestAgain(request));
            if (winner.isPresent()) {
                return winner.get();
            }
            throw new OperationConflictException(request.target(),
                    store.activeFor(request.target()).orElseThrow(() -> race));
        }
        return get(id);
    }

    public OperationView get(UUID id) {
        return store.find(id).orElseThrow(() -> new OperationNotFoundException(id));
    }

    public Optional<UUID> activeFor(String target) {
        return store.activeFor(target);
    }

    /** The newest operations of any target, without their steps, in one query. */
    public List<OperationBrief> recent(int limit) {
        Paging.check(0, limit, MAX_PAGE_SIZE);
        return store.recent(limit);
    }

    /** The newest operation of each of these targets that has one, by target, in one query. */
    public java.util.Map<String, OperationBrief> latestOf(java.util.Collection<String> targets) {
        return store.latestOf(targets).stream()
                .collect(java.util.stream.Collectors.toMap(OperationBrief::target, brief -> brief));
    }

    /** Every operation queued or running, in one query. */
    public List<OperationBrief> active() {
        return store.active();
    }

    public OperationPage list(@Nullable String target, @Nullable OperationState state, int page, int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        List<OperationView> items = store.page(target, state, size, page * size).stream()
                .map(store::find).flatMap(Optional::stream).toList();
        return new OperationPage(items, page, size, store.count(target, state));
    }

    /** Operations of these kinds that succeeded in [from, to), oldest first: the history of power, say. */
    public List<FinishedOperation> succeeded(java.util.Collection<String> kinds, java.time.Instant from,
            java.time.Instant to) {
        return kinds.isEmpty() ? List.of() : store.succeeded(kinds, from, to);
    }

    /**
     * The operation this actor submitted under the Idempotency-Key within the last 24 h, if any: for a
     * caller whose parameters are decided at submission (a placement), so a repeat returns the first
     * operation rather than deciding again.
     */
    public Optional<OperationView> submittedUnder(io.rigplane.access.Actor actor, @Nullable String key) {
        if (key == null) {
            return Optional.empty();
        }
        return store.byIdempotencyKey(actor.name(), key).flatMap(store::find)
                .filter(existing -> existing.createdAt().isAfter(clock.instant().minus(IDEMPOTENCY_WINDOW)));
    }

    private Optional<OperationView> sameRequestAgain(OperationRequest request) {
        String key = request.idempotencyKey();
        if (key == null) {
            return Optional.empty();
        }
        store.forgetIdempotencyKeysBefore(clock.instant().minus(IDEMPOTENCY_WINDOW));
        return store.byIdempotencyKey(request.actor().name(), key).flatMap(store::find).map(existing -> {
            if (!existing.kind().equals(request.kind()) || !existing.target().equals(request.target())
                    || !existing.params().equals(request.params())) {
                throw new IdempotencyKeyReusedException(key);
            }
            return existing;
        });
    }

    /** Gives an operation whose job was lost a new one; nothing when another replica did so first. */
    void requeue(UUID id) {
        try {
            schedule(id);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof ObjectAlreadyExistsException)) {
                throw e;
            }
        }
    }

    private void schedule(UUID id) {
        JobDetail job = JobBuilder.newJob(OperationJob.class)
                .withIdentity(id.toString(), JOB_GROUP)
                .usingJobData(OperationJob.OPERATION_ID, id.toString())
                .requestRecovery(true)
                .build();
        Trigger now = TriggerBuilder.newTrigger().withIdentity(id.toString(), JOB_GROUP).startNow().build();
        try {
            scheduler.scheduleJob(job, now);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not queue operation " + id, e);
        }
    }

    /** One page of operations, newest first. */
    public record OperationPage(List<OperationView> items, int page, int size, long totalItems) {
    }
}

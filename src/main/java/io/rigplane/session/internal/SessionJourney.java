package io.rigplane.session.internal;

import io.rigplane.operation.OperationView;
import io.rigplane.operation.OperationConflictException;
import io.rigplane.operation.OperationPhase;
import io.rigplane.operation.OperationState;
import io.rigplane.operation.Operations;
import io.rigplane.power.GpuHeldException;
import io.rigplane.power.PowerControl;
import io.rigplane.session.prewarm.Prewarmer;
import io.rigplane.session.SessionFailed;
import io.rigplane.streamhost.ConnectionOffer;
import io.rigplane.streamhost.ReadyStreamHost;
import io.rigplane.streamhost.StreamHosts;
import io.rigplane.system.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The way of one session from REQUESTED to READY: wait for a busy GPU or a running operation if
 * need be, wake the host and start the VM (through power control, which claims the GPU), then wait
 * for the stream host and ask it how the client connects. Each step starts from the state stored
 * in the database, so a replica that takes over a session carries on where the last one stopped.
 */
@Component
class SessionJourney {

    private static final Logger log = LoggerFactory.getLogger(SessionJourney.class);
    /** How often a start operation is looked at: each look may add this much to the time to READY. */
    static final Duration OPERATION_POLL = Duration.ofMillis(100);
    /** How often a session waiting for a GPU or for another operation looks again. */
    static final Duration WAIT_POLL = Duration.ofMillis(500);

    private final SessionStore store;
    private final SessionSettingsStore settings;
    private final PowerControl power;
    private final Operations operations;
    private final StreamHosts streamHosts;
    private final GraceShutdowns shutdowns;
    private final Prewarmer prewarmer;
    private final SessionMetrics metrics;
    private final Clock clock;
    @Autowired
    private ApplicationEventPublisher events;

    SessionJourney(SessionStore store, SessionSettingsStore settings, PowerControl power, Operations operations,
            StreamHosts streamHosts, GraceShutdowns shutdowns, Prewarmer prewarmer, SessionMetrics metrics, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.power = power;
        this.operations = operations;
        this.streamHosts = streamHosts;
        this.shutdowns = shutdowns;
        this.prewarmer = prewarmer;
        this.metrics = metrics;
        this.clock = clock;
    }

    void travel(UUID id) {
        travel(id, false);
    }

    /**
     * {@code gpuFree}: the session was opened a moment ago and its GPU was free then. Its first start then
     * skips looking again (reads of Proxmox, seconds under load on a sleeping node): the start books the
     * device itself and refuses with {@link GpuHeldException} if another profile took it meanwhile.
     */
    void travel(UUID id, boolean gpuFree) {
        boolean gpuLookedAt = gpuFree;
        while (true) {
            try {
                SessionRow row = live(id);
                boolean skipGpuLook = gpuLookedAt;
                gpuLookedAt = false;
                switch (row.state()) {
                    case REQUESTED, WAKING_HOST, STARTING_VM -> startVm(row, skipGpuLook);
                    case WAITING_FOR_STREAM_HOST -> {
                        awaitStreamHost(row);
                        return;
                    }
                    default -> {
                        return;
                    }
                }
            } catch (SessionGone gone) {
                return;
            } catch (InterruptedException interrupted) {
                // ended on this replica (the next look finds it gone), or woken for nothing
                Thread.interrupted();
            } catch (ProblemException | JourneyFailed e) {
                fail(id, e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.warn("Session {} failed", id, e);
                fail(id, "Rigplane could not carry on: " + e.getMessage());
                return;
            }
        }
    }

    private void startVm(SessionRow row, boolean gpuLookedAt) throws InterruptedException {
        String profile = row.profile();
        SessionSettings rules = settings.get(profile);
        Optional<String> holder = gpuLookedAt ? Optional.empty() : power.gpuHolder(profile);
        if (holder.isPresent()) {
            Optional<SessionRow> blocker = store.liveOn(holder.get()).stream()
                    .filter(other -> !other.samePerson(row)).findFirst();
            if (blocker.isPresent()) {
                waitForGpu(row, rules, "The GPU is in use by " + SessionRefusedException.who(blocker.get())
                        + "'s session on profile '" + holder.get() + "'");
                return;
            }
            // held by a VM that no session uses any more: no need to wait out its grace period
            shutdowns.hurry(holder.get());
        }
        UUID operation = row.operationId();
        if (operation == null) {
            Optional<UUID> warmed = prewarmer.warmStart(profile);
            if (warmed.isPresent()) {
                // started ahead of this session: nothing to start, straight on to the stream host
                store.operation(row.id(), warmed.get(),
                        operations.get(warmed.get()).params().get(PowerControl.PLACEMENT));
                store.transition(row.id(), EnumSet.of(SessionState.REQUESTED), SessionState.WAITING_FOR_STREAM_HOST,
                        clock.instant(), "the VM was pre-warmed (operation " + warmed.get() + "): no start needed");
                return;
            }
            try {
                OperationView started = power.start(profile, row.actor(), "session-" + row.id());
                operation = started.id();
                store.operation(row.id(), operation, started.params().get(PowerControl.PLACEMENT));
            } catch (OperationConflictException busy) {
                // a shutdown, an apply or another session's start: wait for it, then start again
                awaitFinished(row, busy.running());
                return;
            } catch (GpuHeldException held) {
                if (shutdowns.hurry(held.holder()) || operations.activeFor(held.holder()).isPresent()) {
                    pause(row, WAIT_POLL);
                    return;
                }
                waitForGpu(row, rules, held.getMessage());
                return;
            }
        }
        followStart(row, operation);
    }

    private void waitForGpu(SessionRow row, SessionSettings rules, String why) throws InterruptedException {
        if (rules.whenGpuBusy() != SessionSettings.WhenGpuBusy.QUEUE) {
            throw new JourneyFailed(why);
        }
        store.queue(row.id(), power.gpu(row.profile()).orElse(row.profile()), clock.instant());
        pause(row, WAIT_POLL);
    }

    private void followStart(SessionRow row, UUID id) throws InterruptedException {
        int looks = 0;
        while (true) {
            OperationView start = operations.get(id);
            // the start operation finds out itself whether the host sleeps; asking Proxmox beforehand
            // costs seconds on a sleeping node, whose VM reads fail and are retried before anything starts.
            // Waking lasts at least the node's boot, far longer than a look, so the phase is not missed.
            if (start.phase() == OperationPhase.WAKING_NODE) {
                store.transition(row.id(), EnumSet.of(SessionState.REQUESTED), SessionState.WAKING_HOST,
                        clock.instant(), "the host of profile '" + row.profile() + "' is asleep: waking it");
            }
            boolean vmStarting = start.state().finished() || start.phase() == OperationPhase.STARTING_VM;
            if (vmStarting) {
                store.transition(row.id(), EnumSet.of(SessionState.REQUESTED, SessionState.WAKING_HOST),
                        SessionState.STARTING_VM, clock.instant(), "starting the VM (operation " + id + ")");
            }
            if (start.state() == OperationState.FAILED) {
                throw new JourneyFailed("The VM did not start: " + start.error());
            }
            if (start.state() == OperationState.SUCCEEDED) {
                store.transition(row.id(), EnumSet.of(SessionState.STARTING_VM), SessionState.WAITING_FOR_STREAM_HOST,
                        clock.instant(), start.summary());
                return;
            }
            if (++looks % 10 == 0) {
                live(row.id());
            }
            Thread.sleep(OPERATION_POLL.toMillis());
        }
    }

    private void awaitFinished(SessionRow row, UUID operation) throws InterruptedException {
        while (!operations.get(operation).state().finished()) {
            pause(row, WAIT_POLL);
        }
    }

    private void awaitStreamHost(SessionRow row) throws InterruptedException {
        SessionSettings rules = settings.get(row.profile());
        ReadyStreamHost host = streamHosts.awaitReady(row.profile(), clock.instant().plus(rules.streamHostTimeout()),
                progress -> { });
        live(row.id());
        ConnectionOffer offer = streamHosts.offer(row.profile(), host, row.clientName());
        store.connection(row.id(), Connections.of(offer), host);
        if (store.transition(row.id(), EnumSet.of(SessionState.WAITING_FOR_STREAM_HOST), SessionState.READY,
                clock.instant(), "the stream host answers on " + offer.host() + ":" + offer.port())) {
            metrics.ready(Duration.between(row.createdAt(), clock.instant()));
        }
    }

    private void fail(UUID id, String reason) {
        Optional<SessionRow> row = store.row(id);
        if (row.isPresent() && store.transition(id, SessionState.LIVE, SessionState.FAILED, clock.instant(), reason)) {
            metrics.finished(SessionState.FAILED);
            events.publishEvent(new SessionFailed(id, row.get().profile(), reason));
            if (row.get().operationId() != null) {
                shutdowns.afterLastSession(row.get().profile(), "its session failed: " + reason);
            }
        }
    }

    private void pause(SessionRow row, Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
        live(row.id());
    }

    private SessionRow live(UUID id) {
        SessionRow row = store.row(id).orElseThrow(SessionGone::new);
        if (!row.state().live()) {
            throw new SessionGone();
        }
        return row;
    }

    /** The session ended or failed elsewhere: nothing left to drive. */
    private static final class SessionGone extends RuntimeException {
        SessionGone() {
            super(null, null, false, false);
        }
    }

    /** A reason the session cannot reach READY, in words for the person waiting. */
    private static final class JourneyFailed extends RuntimeException {
        JourneyFailed(String reason) {
            super(reason, null, false, false);
        }
    }
}

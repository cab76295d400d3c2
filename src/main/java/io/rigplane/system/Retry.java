package io.rigplane.system;

import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * The one way Rigplane tries something again: Spring's {@link RetryTemplate} under an explicit
 * {@link RetryPolicy} (pauses, jitter, deadline or number of attempts, which failures), answered in
 * the caller's terms. The caller gets the first result; or the failure itself when the policy does
 * not retry it; or, once the policy ran out of time or attempts on a failure it would have retried
 * (or the thread was interrupted while pausing), whatever the caller's {@link GiveUp} makes of it.
 */
public final class Retry {

    private Retry() {
    }

    /**
     * Pauses that double from {@code first} up to {@code max}, each cut at random to between half and
     * all of itself so that replicas meeting the same obstacle spread apart (Spring's jitter is
     * symmetric: a pause of three quarters, give or take a quarter, is that range), for as long as
     * {@code deadline} allows (no pause is begun that would end after it) and at most {@code attempts}
     * attempts.
     */
    public static RetryPolicy backoff(Duration first, Duration max, Duration deadline, long attempts,
            Predicate<Throwable> retryable) {
        return RetryPolicy.builder().delay(first.multipliedBy(3).dividedBy(4)).jitter(first.dividedBy(4))
                .multiplier(2).maxDelay(max).timeout(deadline).maxRetries(Math.max(0, attempts - 1))
                .predicate(retryable).build();
    }

    /** The same, bounded only by the deadline. */
    public static RetryPolicy backoff(Duration first, Duration max, Duration deadline, Predicate<Throwable> retryable) {
        return backoff(first, max, deadline, Integer.MAX_VALUE, retryable);
    }

    /** Runs the attempt under the policy; when retrying stops, the last failure is thrown as it was. */
    public static <T, E extends Exception> T run(RetryPolicy policy, Attempt<T, E> attempt) throws E {
        return run(policy, attempt, null);
    }

    /** Runs the attempt under the policy; when retrying runs out, throws what {@code giveUp} makes of it. */
    public static <T, E extends Exception> T run(RetryPolicy policy, Attempt<T, E> attempt,
            @Nullable GiveUp<E> giveUp) throws E {
        int[] made = {0};
        Retryable<T> retryable = () -> attempt.run(++made[0]);
        try {
            return new RetryTemplate(policy).execute(retryable);
        } catch (RetryException stopped) {
            Throwable last = stopped.getCause();
            if (last instanceof Error error) {
                throw error;
            }
            if (giveUp == null || !policy.shouldRetry(last)) {
                throw Retry.<E>rethrow(last);
            }
            throw giveUp.after((Exception) last, made[0]);
        }
    }

    /** One attempt; {@code number} counts from 1. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run(int number) throws E;
    }

    /** What to throw once retrying stopped on a failure that the policy would have retried. */
    @FunctionalInterface
    public interface GiveUp<E extends Exception> {
        E after(Exception last, int attempts);
    }

    /** The attempt threw only what its own signature allows (or unchecked exceptions): throw it on unchanged. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E rethrow(Throwable failure) throws E {
        throw (E) failure;
    }
}

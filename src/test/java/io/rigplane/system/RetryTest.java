package io.rigplane.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;

/** The one retry helper: what the caller gets back in each way a retry can end. */
class RetryTest {

    private static final RetryPolicy BUSY = Retry.backoff(Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofSeconds(5), 4, failure -> failure instanceof Busy);

    @Test
    void aFailureThePolicyRetriesIsTriedAgainUntilTheAttemptSucceeds() {
        List<Integer> numbers = new ArrayList<>();
        String result = Retry.run(BUSY, attempt -> {
            numbers.add(attempt);
            if (attempt < 3) {
                throw new Busy("busy " + attempt);
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(numbers).containsExactly(1, 2, 3);
    }

    @Test
    void aFailureThePolicyDoesNotRetryIsThrownAsItWasAfterOneAttempt() {
        List<Integer> numbers = new ArrayList<>();
        assertThatThrownBy(() -> Retry.run(BUSY, attempt -> {
            numbers.add(attempt);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(numbers).containsExactly(1);
    }

    @Test
    void whenTheAttemptsRunOutTheLastFailureIsThrownOrWhatTheGiveUpMakesOfIt() {
        assertThatThrownBy(() -> Retry.run(BUSY, attempt -> {
            throw new Busy("busy " + attempt);
        })).isInstanceOf(Busy.class).hasMessage("busy 4");

        assertThatThrownBy(() -> Retry.run(BUSY, attempt -> {
            throw new Busy("busy " + attempt);
        }, (last, attempts) -> new IllegalStateException("gave up after " + attempts + "; last: " + last.getMessage())))
                .isInstanceOf(IllegalStateException.class).hasMessage("gave up after 4; last: busy 4");
    }

    @Test
    void noAttemptStartsAfterTheDeadline() {
        RetryPolicy deadline = Retry.backoff(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(400),
                failure -> failure instanceof Busy);
        long started = System.nanoTime();
        int[] made = {0};
        long[] lastStart = {0};
        assertThatThrownBy(() -> Retry.run(deadline, attempt -> {
            made[0] = attempt;
            lastStart[0] = System.nanoTime();
            throw new Busy("busy");
        }, (last, attempts) -> new IllegalStateException(attempts + " attempts")))
                .isInstanceOf(IllegalStateException.class).hasMessage(made[0] + " attempts");
        // when the last attempt began, not when the caller got the failure: a busy machine may pause after it
        assertThat(Duration.ofNanos(lastStart[0] - started)).isLessThan(Duration.ofMillis(400));
        assertThat(made[0]).isBetween(3, 8);
    }

    private static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }
}

package io.rigplane.notification;

import io.rigplane.support.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** The whole service with notifications on a short clock: quick polls, short back-off, pausing after 4 failures. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
        "rigplane.notifications.poll-interval=100ms",
        "rigplane.notifications.retry-backoff=400ms",
        "rigplane.notifications.max-backoff=2s",
        "rigplane.notifications.pause-after=4",
        "rigplane.notifications.request-timeout=3s",
        "rigplane.notifications.pruned-nothing-runs=2"})
public @interface NotificationTest {
}

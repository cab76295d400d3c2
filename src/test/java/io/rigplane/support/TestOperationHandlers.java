package io.rigplane.support;

import io.rigplane.operation.OperationContext;
import io.rigplane.operation.OperationHandler;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** An operation kind for tests of the operations machinery itself: steps that sleep or fail. */
@TestConfiguration(proxyBeanMethods = false)
public class TestOperationHandlers {

    public static final String KIND = "test-steps";
    public static final AtomicInteger RUNS = new AtomicInteger();

    @Bean
    OperationHandler testSteps() {
        return new OperationHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public String execute(OperationContext context) throws Exception {
                RUNS.incrementAndGet();
                int steps = Integer.parseInt(context.params().getOrDefault("steps", "2"));
                long sleep = Long.parseLong(context.params().getOrDefault("sleepMillis", "100"));
                for (int i = 1; i <= steps; i++) {
                    int n = i;
                    context.step("step " + n, () -> {
                        Thread.sleep(sleep);
                        context.upid("UPID:srv02:0000AB" + n + "0:00000001:6550A0F0:qmconfig:100:root@pam!rigplane:");
                        if (("step " + n).equals(context.params().get("failAt"))) {
                            throw new IllegalStateException("failed on purpose at step " + n);
                        }
                        return "done " + n;
                    });
                }
                return steps + " steps";
            }
        };
    }
}

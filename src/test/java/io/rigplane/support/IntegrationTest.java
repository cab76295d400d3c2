package io.rigplane.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** The whole service on a random port, on a fresh real PostgreSQL database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rigplane.admin.token=" + IntegrationTest.ADMIN_TOKEN,
        "rigplane.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
        "rigplane.simulator.port=0",
        // Quartz keeps its data sources in a JVM-wide registry by scheduler name: one name per context
        "spring.quartz.scheduler-name=rigplane-test-${random.uuid}",
        "rigplane.simulator.task-duration=100ms",
        "rigplane.simulator.guest-boot=1s",
        "rigplane.simulator.stream-host-delay=500ms",
        "rigplane.simulator.node-boot=1s",
        "rigplane.simulator.auth-failure-delay=0s",
        "rigplane.sessions.monitor-interval=300ms",
        // no test listens on the machine's Wake-on-LAN ports; the listener's own test picks a free one
        "rigplane.sessions.wol-ports=",
        // the Wake-on-LAN tests listen for magic packets on loopback, which is no node's LAN otherwise
        "rigplane.power.wake-on-lan-allowed-broadcasts=127.0.0.0/8"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(TestOperationHandlers.class)
public @interface IntegrationTest {

    String ADMIN_TOKEN = "rgp_test-admin-token-0123456789abcdefghijklmnop";
    String ADMIN_PASSWORD = "test-admin-password";
}

package io.rigplane.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points each application context under test at a fresh database of its own (and its simulator's
 * guests at a loopback range of their own). Contexts differ by
 * their properties and each has its own simulator; sharing one database would let one context's
 * rows (VMID reservations, Quartz triggers, sessions) meet another's cluster.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicBoolean FIRST = new AtomicBoolean(true);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Coordinates database = FIRST.getAndSet(false) ? TestDatabase.get() : TestDatabase.another();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                // the test run keeps a dozen contexts cached, each with its pool, against one server's
                // 100 connections: a context waiting in the cache keeps one connection, not ten
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.idle-timeout", "10000",
                // guests' stream hosts on 127.N.x.y:47989, apart from other contexts and test JVMs of the run
                "rigplane.simulator.loopback-octet", LoopbackOctets.next())));
    }
}

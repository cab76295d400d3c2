package io.rigplane.bench;

import io.rigplane.RigplaneApplication;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.TestDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Rigplane in the benchmark's JVM, on a fresh database, talking to the benchmark's simulator. */
record BenchRigplane(ConfigurableApplicationContext context, Api api) implements AutoCloseable {

    static BenchRigplane start(ProxmoxSimulator simulator, SimulatorSettings settings, String token) {
        TestDatabase.Coordinates database = TestDatabase.another();
        ConfigurableApplicationContext context = new SpringApplication(RigplaneApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--rigplane.proxmox.url=" + simulator.url(), "--rigplane.proxmox.token=" + settings.token(),
                "--rigplane.proxmox.fingerprint=" + simulator.fingerprint(), "--rigplane.admin.token=" + token,
                "--rigplane.apollo.username=" + settings.apolloUser(),
                "--rigplane.apollo.password=" + settings.apolloPassword(),
                "--logging.level.root=WARN");
        Api api = Api.at(((WebServerApplicationContext) context).getWebServer().getPort()).withToken(token);
        return new BenchRigplane(context, api);
    }

    @Override
    public void close() {
        context.close();
    }
}

package io.rigplane.reliability;

import io.rigplane.RigplaneApplication;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.Replica;
import io.rigplane.support.RestartablePostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fault matrix's row for PostgreSQL restarting while operations run: they resume once the
 * database answers again and end as if nothing happened.
 */
class DatabaseRestartTest {

    static FaultRow row() {
        return FaultRow.absorbed("PostgreSQL restarted during work", w -> w.simulator().faults().taskMillis(1000L))
                .whileRunning(w -> {
                    w.postgres().stop();
                    Thread.sleep(1500);
                    w.postgres().restart();
                })
                .within(Duration.ofSeconds(90));
    }

    @Test
    void operationsRunningWhilePostgresRestartsResumeAndSucceed(@TempDir Path data) throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(data.resolve("pgdata"));
             ProxmoxSimulator simulator = ProxmoxSimulator.start(SimulatorSettings.forTests());
             ConfigurableApplicationContext service = new SpringApplication(RigplaneApplication.class).run(
                     Replica.Settings.of(postgres.coordinates(), simulator).arguments(0).toArray(String[]::new))) {
            Api api = Api.at(((WebServerApplicationContext) service).getWebServer().getPort()).withToken(Replica.TOKEN);
            FaultMatrix.check(row(), new FaultRow.World(simulator, postgres, api));
        }
    }
}

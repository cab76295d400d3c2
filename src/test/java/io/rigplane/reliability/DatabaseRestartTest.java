package io.rigplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.RigplaneApplication;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.Replica;
import io.rigplane.support.RestartablePostgres;
import io.rigplane.system.ProblemTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fault matrix's row for PostgreSQL restarting while operations run: they resume once the
 * database answers again and end as if nothing happened. Requests that arrive while it is down are
 * answered 503 with Retry-After, not 500, and work once it is back.
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

    @Test
    void requestsWhilePostgresIsDownAreAnswered503AndWorkOnceItIsBack(@TempDir Path data) throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.start(data.resolve("pgdata"));
             ProxmoxSimulator simulator = ProxmoxSimulator.start(SimulatorSettings.forTests());
             ConfigurableApplicationContext service = new SpringApplication(RigplaneApplication.class).run(
                     Replica.Settings.of(postgres.coordinates(), simulator).arguments(0).toArray(String[]::new))) {
            Api api = Api.at(((WebServerApplicationContext) service).getWebServer().getPort()).withToken(Replica.TOKEN);
            Workload.createProfile(api, "before-outage", "srv02");

            postgres.stop();
            CompletableFuture<Api.Reply> read = CompletableFuture.supplyAsync(
                    () -> api.get("/api/v1/profiles/before-outage"));
            CompletableFuture<Api.Reply> write = CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/profiles", PROFILE));
            List<Api.Reply> refusals = List.of(read.get(), write.get());
            postgres.restart();

            for (Api.Reply refused : refusals) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("type").asString()).isEqualTo(ProblemTypes.BASE + "database-unavailable");
                assertThat(refused.header("Retry-After")).hasValue("5");
            }
            assertThat(honouringRetryAfter(() -> api.get("/api/v1/profiles/before-outage")).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/profiles/during-outage").status()).isEqualTo(404);
            assertThat(api.post("/api/v1/profiles", PROFILE).status()).isEqualTo(201);
        }
    }

    /**
     * Sends a request again after the Retry-After a 503 names, as a well-behaved client does, a few
     * times at most: the pool reconnects on its own, but on a loaded machine that can take longer than
     * the first request after the restart waits for a connection.
     */
    private static Api.Reply honouringRetryAfter(Supplier<Api.Reply> request) throws InterruptedException {
        Api.Reply reply = request.get();
        for (int retry = 0; retry < 3 && reply.status() == 503; retry++) {
            Thread.sleep(Duration.ofSeconds(Long.parseLong(reply.header("Retry-After").orElse("5"))).toMillis());
            reply = request.get();
        }
        return reply;
    }

    private static final String PROFILE = """
            {"name": "during-outage", "node": "srv02", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 2048,
             "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}]}""";
}

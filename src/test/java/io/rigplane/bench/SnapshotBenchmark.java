package io.rigplane.bench;

import io.rigplane.RigplaneApplication;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.snapshot.run.SnapshotRuns;
import io.rigplane.support.Api;
import io.rigplane.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One scheduled snapshot run over N VMs spread over 10 simulated nodes, each snapshot taking the
 * simulator's task duration, against the least the per-node limit allows: ceil(VMs per node /
 * limit) x task duration. Also samples the slots held per node, which must never pass the limit.
 * Run by bench/snapshots/run.sh.
 */
public final class SnapshotBenchmark {

    private static final String TOKEN = "rgp_snapshot-benchmark-token-abcdefghijklmnopqrs";
    private static final int NODES = 10;

    public static void main(String[] args) throws Exception {
        FailFast.onUncaughtFailure();
        int vms = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long taskMillis = args.length > 2 ? Long.parseLong(args[2]) : 2000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : NODES * limit + 4;
        SimulatorSettings settings = SimulatorSettings.forTests().withCluster(NODES, 1, 1, 0).withThreads(64)
                .withTaskDuration(Duration.ofMillis(taskMillis));
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(settings)) {
            TestDatabase.Coordinates database = TestDatabase.another();
            try (ConfigurableApplicationContext rigplane = new SpringApplication(RigplaneApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(),
                    "--spring.datasource.hikari.maximum-pool-size=" + (threads + 10),
                    "--rigplane.proxmox.url=" + simulator.url(), "--rigplane.proxmox.token=" + settings.token(),
                    "--rigplane.proxmox.fingerprint=" + simulator.fingerprint(), "--rigplane.admin.token=" + TOKEN,
                    "--rigplane.snapshots.per-node-limit=" + limit,
                    "--spring.quartz.properties.org.quartz.threadPool.threadCount=" + threads,
                    "--logging.level.root=WARN")) {
                Api api = Api.at(((WebServerApplicationContext) rigplane).getWebServer().getPort()).withToken(TOKEN);
                simulator.faults().taskMillis(20L);
                prepare(api, vms);
                simulator.faults().taskMillis(null);
                measure(rigplane, vms, limit, taskMillis, threads);
            }
        }
        System.exit(0);
    }

    private static void prepare(Api api, int vms) throws InterruptedException {
        List<String> applies = new ArrayList<>();
        for (int i = 0; i < vms; i++) {
            api.post("/api/v1/profiles", """
                    {"name": "snap-%d", "node": "srv%02d", "platform": "windows-11-gaming", "cores": 2,
                     "memoryMiB": 4096, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32,
                     "role": "system"}]}""".formatted(i, i % NODES + 2));
            applies.add(api.post("/api/v1/profiles/snap-" + i + "/apply", null).json().get("id").asString());
        }
        for (String id : applies) {
            if (!api.awaitOperation(id, Duration.ofMinutes(10)).get("state").asString().equals("SUCCEEDED")) {
                throw new IllegalStateException("apply " + id + " failed");
            }
        }
        for (int i = 0; i < vms; i++) {
            api.put("/api/v1/profiles/snap-" + i + "/snapshot-policy",
                    "{\"policies\": [{\"label\": \"daily\", \"cron\": \"0 3 * * *\", \"keep\": 7}]}");
        }
    }

    private static void measure(ConfigurableApplicationContext rigplane, int vms, int limit, long taskMillis,
            int threads) throws Exception {
        JdbcClient jdbc = rigplane.getBean(JdbcClient.class);
        SnapshotRuns runs = rigplane.getBean(SnapshotRuns.class);
        List<Long> policies = jdbc.sql("select id from snapshot_policy order by id").query(Long.class).list();
        Instant scheduled = Instant.parse("2026-12-01T03:00:00Z");
        Map<String, Integer> peak = new HashMap<>();
        long start = System.nanoTime();
        for (long policy : policies) {
            runs.fire(policy, scheduled);
        }
        long open;
        do {
            Thread.sleep(50);
            jdbc.sql("select node, count(*) as n from snapshot_node_slot where holder is not null group by node")
                    .query((rs, row) -> peak.merge(rs.getString("node"), rs.getInt("n"), Math::max)).list();
            open = jdbc.sql("select count(*) from snapshot_run where state in ('QUEUED', 'RUNNING')")
                    .query(Long.class).single();
        } while (open > 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> outcomes = new HashMap<>();
        jdbc.sql("select state, count(*) as n from snapshot_run group by state")
                .query((rs, row) -> outcomes.put(rs.getString("state"), rs.getLong("n"))).list();
        long perNode = (vms + NODES - 1) / NODES;
        double ideal = Math.ceil((double) perNode / limit) * taskMillis / 1000.0;
        int concurrency = Math.min(threads, NODES * limit);
        String report = String.format(Locale.ROOT, """
                | figure | value |
                | --- | --- |
                | VMs / nodes / per-node limit | %d / %d / %d |
                | simulator task duration (one snapshot) | %d ms |
                | operation threads (Quartz) | %d |
                | one scheduled run over all VMs | %.1f s |
                | ideal: ceil(VMs per node / limit) x task duration | %.1f s |
                | ratio run / ideal | %.2f |
                | outcomes | %s |
                | most slots held at once on one node (sampled) | %d (limit %d) |
                | concurrency possible (min of threads, nodes x limit) | %d |
                """, vms, NODES, limit, taskMillis, threads, seconds, ideal, seconds / ideal, outcomes,
                peak.values().stream().mapToInt(Integer::intValue).max().orElse(0), limit, concurrency);
        System.out.println(report);
        Path out = Path.of("bench", "results", "snapshots.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "# Snapshot benchmark\n\nOne scheduled run: `bench/snapshots/run.sh " + vms + " " + limit
                + " " + taskMillis + " " + threads + "`.\n\n" + report);
        System.out.println("written to " + out);
    }

    private SnapshotBenchmark() {
    }
}

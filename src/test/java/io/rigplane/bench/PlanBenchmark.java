package io.rigplane.bench;

import io.rigplane.RigplaneApplication;
import io.rigplane.proxmox.ProxmoxClient;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.TestDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Plans (and first applies) N profiles on a simulated cluster of 10 nodes, and compares the time
 * with the least a plan can cost: its unavoidable Proxmox reads (config, pending, status) at the
 * simulator's own latency, divided by the allowed concurrency. A plan now makes its three reads side
 * by side, so that time is no longer a floor; the CPU a plan spends against the CPU of its three reads
 * (the API round trip, parsing and comparing on top of them) is printed beside it. Run by
 * bench/provisioning/run.sh.
 */
public final class PlanBenchmark {

    private static final String TOKEN = "rgp_benchmark-token-abcdefghijklmnopqrstuvwxyz0123";
    private static final int UNAVOIDABLE_READS = 3;

    public static void main(String[] args) throws Exception {
        FailFast.onUncaughtFailure();
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long latencyMillis = args.length > 2 ? Long.parseLong(args[2]) : 5;
        SimulatorSettings settings = SimulatorSettings.forTests().withCluster(10, 1, 1, 0).withThreads(32);
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(settings)) {
            simulator.faults().latencyMillis(latencyMillis);
            TestDatabase.Coordinates database = TestDatabase.another();
            try (ConfigurableApplicationContext rigplane = new SpringApplication(RigplaneApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(),
                    "--rigplane.proxmox.url=" + simulator.url(), "--rigplane.proxmox.token=" + settings.token(),
                    "--rigplane.proxmox.fingerprint=" + simulator.fingerprint(), "--rigplane.admin.token=" + TOKEN,
                    "--spring.quartz.properties.org.quartz.threadPool.threadCount=" + concurrency,
                    "--logging.level.root=WARN")) {
                Api api = Api.at(((WebServerApplicationContext) rigplane).getWebServer().getPort()).withToken(TOKEN);
                run(api, rigplane.getBean(ProxmoxClusters.class).defaultClient(), profiles, concurrency,
                        latencyMillis);
            }
        }
        System.exit(0);
    }

    private static void run(Api api, ProxmoxClient client, int profiles, int concurrency, long latency)
            throws Exception {
        for (int i = 0; i < profiles; i++) {
            api.post("/api/v1/profiles", """
                    {"name": "bench-%d", "node": "srv%02d", "platform": "windows-11-gaming", "cores": 4,
                     "memoryMiB": 8192, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64,
                     "role": "system"}]}""".formatted(i, i % 10 + 2));
        }
        long applyStart = System.nanoTime();
        List<String> operations = new ArrayList<>();
        for (int i = 0; i < profiles; i++) {
            operations.add(api.post("/api/v1/profiles/bench-" + i + "/apply", null).json().get("id").asString());
        }
        int failed = 0;
        for (String id : operations) {
            while (true) {
                String state = api.get("/api/v1/operations/" + id).json().get("state").asString();
                if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                    failed += state.equals("FAILED") ? 1 : 0;
                    break;
                }
                Thread.sleep(50);
            }
        }
        double applySeconds = (System.nanoTime() - applyStart) / 1e9;

        int samples = 300;
        var sample = client.vms().get(0);
        long sampleCpu = cpu();
        long sampleStart = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            client.config(sample.node(), sample.vmid());
        }
        double readMillis = (System.nanoTime() - sampleStart) / 1e6 / samples;
        double readCpuMillis = (cpu() - sampleCpu) / 1e6 / samples;

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long planCpu = cpu();
        long planStart = System.nanoTime();
        List<Future<Integer>> plans = new ArrayList<>();
        for (int i = 0; i < profiles; i++) {
            String name = "bench-" + i;
            plans.add(pool.submit(() -> {
                Api.Reply plan = api.get("/api/v1/profiles/" + name + "/plan");
                if (plan.status() != 200) {
                    throw new IllegalStateException("plan of " + name + ": " + plan.status() + " " + plan.body());
                }
                return plan.json().get("changes").size();
            }));
        }
        int nonEmpty = 0;
        for (Future<Integer> plan : plans) {
            nonEmpty += plan.get() > 0 ? 1 : 0;
        }
        double planSeconds = (System.nanoTime() - planStart) / 1e9;
        double planCpuMillis = (cpu() - planCpu) / 1e6 / profiles;
        pool.shutdown();
        double idealSeconds = profiles * UNAVOIDABLE_READS * readMillis / 1000 / concurrency;

        String report = String.format(Locale.ROOT, """
                | figure | value |
                | --- | --- |
                | profiles / nodes / concurrency | %d / 10 / %d |
                | simulator latency injected per call | %d ms |
                | measured Proxmox read (simulator + HTTPS + parsing) | %.2f ms (CPU %.2f ms) |
                | apply (create) of all profiles | %.1f s (%.1f ms each; %d failed) |
                | plan of all profiles | %.2f s (%.2f ms each; %d not empty) |
                | CPU per plan (this JVM: Rigplane, simulator and client together) | %.2f ms |
                | unavoidable reads per plan | %d (config, pending, status) |
                | ideal plan time (reads x latency / concurrency) | %.2f s |
                | ratio plan / ideal | %.2f |
                | CPU per plan / CPU of its unavoidable reads | %.2f |
                """, profiles, concurrency, latency, readMillis, readCpuMillis, applySeconds,
                applySeconds * 1000 / profiles, failed, planSeconds, planSeconds * 1000 / profiles, nonEmpty,
                planCpuMillis, UNAVOIDABLE_READS, idealSeconds, planSeconds / idealSeconds,
                planCpuMillis / (UNAVOIDABLE_READS * readCpuMillis));
        System.out.println(report);
        Path out = Path.of("bench", "results", "plan.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "# Plan benchmark\n\n" + report);
        System.out.println("written to " + out);
    }

    /**
     * CPU time of the whole JVM: unlike wall time it hardly moves with what else the machine runs,
     * so runs on a loaded machine still compare.
     */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private PlanBenchmark() {
    }
}

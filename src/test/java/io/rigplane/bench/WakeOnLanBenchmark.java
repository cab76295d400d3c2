package io.rigplane.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.rigplane.RigplaneApplication;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorSettings;
import io.rigplane.support.Api;
import io.rigplane.support.TestDatabase;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * How fast a magic packet becomes a session among N profiles: for profiles with a fixed MAC, for
 * profiles whose MAC is read from Proxmox (first read, then learned), and how many packets for
 * unknown MACs the listener's worker looks up per second before it drops the rest. Run by
 * bench/sessions/wol.sh.
 */
public final class WakeOnLanBenchmark {

    private static final String TOKEN = "rgp_benchmark-token-abcdefghijklmnopqrstuvwxyz0123";
    private static final Pattern MAC = Pattern.compile("([0-9A-F]{2}:){5}[0-9A-F]{2}");

    public static void main(String[] args) throws Exception {
        FailFast.onUncaughtFailure();
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int learned = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int flood = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int udpPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udpPort = probe.getLocalPort();
        }
        SimulatorSettings settings = SimulatorSettings.forTests().withCluster(10, 1, 1, 0).withThreads(32);
        try (ProxmoxSimulator simulator = ProxmoxSimulator.start(settings)) {
            TestDatabase.Coordinates database = TestDatabase.another();
            try (ConfigurableApplicationContext rigplane = new SpringApplication(RigplaneApplication.class).run(
                    "--server.port=0", "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(),
                    "--rigplane.proxmox.url=" + simulator.url(), "--rigplane.proxmox.token=" + settings.token(),
                    "--rigplane.proxmox.fingerprint=" + simulator.fingerprint(), "--rigplane.admin.token=" + TOKEN,
                    "--rigplane.sessions.wol-ports=" + udpPort, "--rigplane.sessions.wol-bind=127.0.0.1",
                    "--rigplane.sessions.wol-source-max-wakes=1000000", "--logging.level.root=WARN")) {
                Api api = Api.at(((WebServerApplicationContext) rigplane).getWebServer().getPort()).withToken(TOKEN);
                new WakeOnLanBenchmark(api, udpPort, rigplane.getBean(MeterRegistry.class),
                        rigplane.getBean(ProxmoxClusters.class)).run(profiles, learned, flood);
            }
        }
        System.exit(0);
    }

    private final Api api;
    private final int udpPort;
    private final MeterRegistry meters;
    private final ProxmoxClusters clusters;

    private WakeOnLanBenchmark(Api api, int udpPort, MeterRegistry meters, ProxmoxClusters clusters) {
        this.api = api;
        this.udpPort = udpPort;
        this.meters = meters;
        this.clusters = clusters;
    }

    private void run(int profiles, int learnedCount, int flood) throws Exception {
        List<String> fixedMacs = new ArrayList<>();
        for (int i = 0; i < profiles; i++) {
            String mac = String.format(Locale.ROOT, "BC:24:12:%02X:%02X:%02X", i >> 16 & 0xFF, i >> 8 & 0xFF, i & 0xFF);
            fixedMacs.add(mac);
            api.post("/api/v1/profiles", """
                    {"name": "wol-%d", "node": "srv%02d", "platform": "windows-11-gaming", "cores": 4,
                     "memoryMiB": 8192, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64,
                     "role": "system"}], "network": {"bridge": "vmbr0", "mac": "%s"}}"""
                    .formatted(i, i % 10 + 2, mac));
        }
        List<String> learnedMacs = new ArrayList<>();
        for (int i = 0; i < learnedCount; i++) {
            String name = "wol-learned-" + i;
            api.post("/api/v1/profiles", """
                    {"name": "%s", "node": "srv%02d", "platform": "windows-11-gaming", "cores": 4,
                     "memoryMiB": 8192, "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 64,
                     "role": "system"}]}""".formatted(name, i % 10 + 2));
            String operation = api.post("/api/v1/profiles/" + name + "/apply", null).json().get("id").asString();
            api.awaitOperation(operation, Duration.ofMinutes(2));
            JsonNode status = api.get("/api/v1/profiles/" + name + "/status").json();
            String net0 = clusters.defaultClient().config(status.get("node").asString(), status.get("vmid").asInt())
                    .get("net0");
            Matcher mac = MAC.matcher(net0.toUpperCase(Locale.ROOT));
            learnedMacs.add(mac.find() ? mac.group() : "");
        }

        int samples = Math.min(50, profiles);
        List<Double> fixed = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            fixed.add(wakeMillis("wol-" + (i * (profiles / samples)), fixedMacs.get(i * (profiles / samples)), i));
        }
        List<Double> firstRead = new ArrayList<>();
        for (int i = 0; i < learnedCount; i++) {
            firstRead.add(wakeMillis("wol-learned-" + i, learnedMacs.get(i), 100 + i));
        }
        // the same MACs again after the interval: now learned, no Proxmox read
        Thread.sleep(31_000);
        List<Double> learned = new ArrayList<>();
        for (int i = 0; i < learnedCount; i++) {
            learned.add(wakeMillisOfNext("wol-learned-" + i, learnedMacs.get(i), 110 + i));
        }

        double foreignBefore = count("foreign");
        double droppedBefore = count("overloaded");
        long floodStart = System.nanoTime();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.2"))) {
            for (int i = 0; i < flood; i++) {
                byte[] packet = magic(String.format(Locale.ROOT, "02:%02X:%02X:%02X:%02X:%02X", i >> 24 & 0xFF,
                        i >> 16 & 0xFF, i >> 8 & 0xFF, i & 0xFF, ThreadLocalRandom.current().nextInt(256)));
                socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), udpPort));
            }
        }
        double sendSeconds = (System.nanoTime() - floodStart) / 1e9;
        double seen = -1;
        while (seen != count("foreign") + count("overloaded") + count("malformed")) {
            seen = count("foreign") + count("overloaded") + count("malformed");
            Thread.sleep(1000);
        }
        double drainSeconds = (System.nanoTime() - floodStart) / 1e9 - 1;
        double handled = count("foreign") - foreignBefore;
        double dropped = count("overloaded") - droppedBefore;

        String report = String.format(Locale.ROOT, """
                | figure | value |
                | --- | --- |
                | profiles with a fixed MAC / with a MAC read from Proxmox | %d / %d |
                | packet to session recorded, fixed MAC (%d samples) | median %.1f ms, max %.1f ms |
                | packet to session recorded, MAC read from Proxmox on the packet | median %.1f ms, max %.1f ms |
                | packet to session recorded, MAC learned before | median %.1f ms, max %.1f ms |
                | packets for unknown MACs sent / looked up / dropped (queue full) | %d in %.2f s / %.0f / %.0f |
                | lookups of unknown MACs per second (worker busy for %.1f s) | %.0f |
                """, profiles, learnedCount, samples, median(fixed), max(fixed), median(firstRead), max(firstRead),
                median(learned), max(learned), flood, sendSeconds, handled, dropped, drainSeconds,
                handled / drainSeconds);
        System.out.println(report);
        Path out = Path.of("bench", "results", "wake-on-lan.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "# Wake-on-LAN listener benchmark\n\n" + report);
        System.out.println("written to " + out);
    }

    /** Sends the profile's magic packet and answers the time until its session was recorded. */
    private double wakeMillis(String profile, String mac, int source) throws Exception {
        return wakeMillisAfter(profile, mac, source, 0);
    }

    private double wakeMillisOfNext(String profile, String mac, int source) throws Exception {
        return wakeMillisAfter(profile, mac, source, api.get("/api/v1/sessions?profile=" + profile).json().size());
    }

    private double wakeMillisAfter(String profile, String mac, int source, int before) throws Exception {
        Instant sent = Instant.now();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.1." + source))) {
            byte[] packet = magic(mac);
            socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), udpPort));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode sessions = api.get("/api/v1/sessions?profile=" + profile).json();
            if (sessions.size() > before) {
                Instant created = Instant.parse(sessions.get(0).get("createdAt").asString());
                return Duration.between(sent, created).toNanos() / 1e6;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no session for " + profile + " after its magic packet");
    }

    private double count(String outcome) {
        return meters.counter("rigplane.wol.packets", "outcome", outcome).count();
    }

    private static byte[] magic(String mac) {
        byte[] address = HexFormat.of().parseHex(mac.replace(":", ""));
        byte[] packet = new byte[102];
        Arrays.fill(packet, 0, 6, (byte) 0xFF);
        for (int i = 0; i < 16; i++) {
            System.arraycopy(address, 0, packet, 6 + i * 6, 6);
        }
        return packet;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}

package io.rigplane.snapshot.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.rigplane.provisioning.ProfileVms;
import io.rigplane.provisioning.VmHandle;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.simulator.SimulatorControl;
import io.rigplane.snapshot.policy.PolicySchedule;
import io.rigplane.snapshot.policy.SnapshotPolicies;
import io.rigplane.support.Api;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled runs driven by explicit fire times (no waiting for a day), against the simulator:
 * retention within a label, exactly-once per scheduled time, locks, faults and the manual actions.
 */
@IntegrationTest
@TestPropertySource(properties = {"rigplane.operations.lock-retry.deadline=3s",
        "rigplane.operations.lock-retry.first-pause=100ms", "rigplane.operations.lock-retry.max-pause=500ms",
        // a run whose profile is busy tries again every max-backoff until lock-deadline
        "rigplane.snapshots.lock-deadline=3s", "rigplane.snapshots.max-backoff=500ms",
        // misfires are looked for every threshold; short, so the missed-run test need not wait a minute
        "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=2000"})
class SnapshotSchedulerTest {

    private static final Instant DAY_ONE = Instant.parse("2026-11-01T03:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    SnapshotRuns snapshotRuns;

    @Autowired
    SnapshotPolicies policies;

    @Autowired
    RunStore runs;

    @Autowired
    ProfileVms vms;

    @Autowired
    ProxmoxClusters clusters;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;
    SnapshotFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        fixtures = new SnapshotFixtures(api, runs);
        simulator.faults().taskMillis(20L);
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void thirtyDaysWithKeepSevenLeaveSevenAndEveryOtherSnapshotUntouched() {
        String profile = fixtures.profileWithVm("snap-30", "srv02");
        fixtures.putPolicies(profile, """
                [{"label": "daily", "cron": "0 3 * * *", "timeZone": "UTC", "keep": 7},
                 {"label": "weekly", "cron": "0 4 * * 0", "timeZone": "UTC", "keep": 4}]""");
        assertThat(fixtures.manual(profile, "before-driver-update").get("state").asString()).isEqualTo("SUCCEEDED");
        int destructiveBefore = simulator.destructiveCallCount();
        long daily = policy(profile, "daily");
        long weekly = policy(profile, "weekly");

        for (int day = 0; day < 30; day++) {
            Instant at = DAY_ONE.plus(Duration.ofDays(day));
            assertThat(fixtures.await(snapshotRuns.fire(daily, at).orElseThrow()).state()).isEqualTo("SUCCEEDED");
            if (day % 7 == 0) {
                assertThat(fixtures.await(snapshotRuns.fire(weekly, at.plus(Duration.ofHours(1))).orElseThrow()).state())
                        .isEqualTo("SUCCEEDED");
            }
            if (day == 10) {
                fixtures.manual(profile, "mid-month");
            }
        }
        assertThat(snapshotRuns.fire(daily, DAY_ONE.plus(Duration.ofDays(29)))).as("a time already fired").isEmpty();

        List<String> names = names(fixtures.snapshots(profile));
        assertThat(names).filteredOn(n -> n.startsWith("auto-daily-")).containsExactly(
                "auto-daily-202611240300", "auto-daily-202611250300", "auto-daily-202611260300",
                "auto-daily-202611270300", "auto-daily-202611280300", "auto-daily-202611290300",
                "auto-daily-202611300300");
        assertThat(names).filteredOn(n -> n.startsWith("auto-weekly-")).hasSize(4);
        assertThat(names).contains("before-driver-update", "mid-month");
        List<Map<String, Object>> deletes = simulator.destructiveCalls()
                .subList(destructiveBefore, simulator.destructiveCallCount());
        assertThat(deletes).hasSize(23 + 1);
        assertThat(deletes).allSatisfy(call -> assertThat(String.valueOf(call.get("path")))
                .matches(".*/snapshot/auto-(daily|weekly)-\\d{12}"));

        JsonNode history = api.get("/api/v1/snapshot-runs?profile=" + profile + "&label=daily&size=100").json();
        assertThat(history.get("totalItems").asLong()).isEqualTo(30);
        long pruned = StreamSupport.stream(history.get("items").spliterator(), false)
                .mapToLong(run -> run.get("pruned").size()).sum();
        assertThat(pruned).isEqualTo(23);
        assertThat(history.get("items").get(0).get("durationMs").asLong()).isPositive();
        assertThat(meters.counter("rigplane.snapshot.runs", "outcome", "succeeded", "trigger", "scheduled").count())
                .isGreaterThanOrEqualTo(35);
    }

    @Test
    void runsMissedWhileDownRunOnceAtStartUpNotOncePerMissedDay() throws Exception {
        String profile = fixtures.profileWithVm("snap-missed", "srv02");
        fixtures.putPolicies(profile, "[{\"label\": \"daily\", \"cron\": \"0 3 * * *\", \"keep\": 7}]");
        long daily = policy(profile, "daily");
        // as if every replica had been down for three days: the trigger's next time lies three days back
        long threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).toEpochMilli();
        assertThat(jdbc.sql("update qrtz_triggers set next_fire_time = :at where trigger_name = :name")
                .param("at", threeDaysAgo).param("name", PolicySchedule.trigger(daily).getName()).update()).isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runs.page(profile, null, null, 0, 10).totalItems() == 0 && System.nanoTime() < deadline) {
            SnapshotFixtures.sleep(200);
        }
        SnapshotFixtures.sleep(3000);
        List<SnapshotRun> missed = runs.page(profile, null, null, 0, 10).items();
        assertThat(missed).hasSize(1);
        assertThat(fixtures.await(missed.get(0).id()).state()).isEqualTo("SUCCEEDED");
        assertThat(missed.get(0).scheduledFor()).isAfter(Instant.now().minus(Duration.ofMinutes(2)));
        JsonNode next = api.get("/api/v1/profiles/" + profile + "/snapshot-policy").json().get("policies").get(0);
        assertThat(Instant.parse(next.get("nextRun").asString())).isAfter(Instant.now());
    }

    @Test
    void aLockedVmIsRetriedAndAStillLockedOneFailsWithTheReason() {
        String profile = fixtures.profileWithVm("snap-lock", "srv02");
        fixtures.putPolicies(profile, "[{\"label\": \"daily\", \"cron\": \"0 3 * * *\", \"keep\": 3}]");
        long daily = policy(profile, "daily");
        int vmid = vms.find(profile).orElseThrow().vmid();

        simulator.setVmLock(vmid, "backup");
        UUID released = snapshotRuns.fire(daily, DAY_ONE).orElseThrow();
        SnapshotFixtures.sleep(600);
        simulator.setVmLock(vmid, null);
        SnapshotRun afterBackup = fixtures.await(released);
        assertThat(afterBackup.state()).isEqualTo("SUCCEEDED");

        simulator.setVmLock(vmid, "backup");
        SnapshotRun stillLocked = fixtures.await(snapshotRuns.fire(daily, DAY_ONE.plus(Duration.ofDays(1))).orElseThrow());
        simulator.setVmLock(vmid, null);
        assertThat(stillLocked.state()).isEqualTo("FAILED");
        assertThat(stillLocked.reason()).contains("VM is locked (backup)").contains("gave up");

        simulator.setVmLock(vmid, "snapshot-delete");
        long started = System.nanoTime();
        SnapshotRun stuck = fixtures.await(snapshotRuns.fire(daily, DAY_ONE.plus(Duration.ofDays(2))).orElseThrow());
        simulator.setVmLock(vmid, null);
        assertThat(stuck.state()).isEqualTo("FAILED");
        assertThat(stuck.reason()).contains("snapshot-delete").contains("qm unlock " + vmid);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("reported at once, not retried")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(names(fixtures.snapshots(profile))).containsExactly("auto-daily-202611010300");
    }

    @Test
    void aRunThatFindsItsProfileBusyWaitsForTheOtherOperation() {
        String profile = fixtures.profileWithVm("snap-busy", "srv03");
        fixtures.putPolicies(profile, "[{\"label\": \"daily\", \"cron\": \"0 3 * * *\", \"keep\": 3}]");
        simulator.faults().taskMillis(1500L);
        Api.Reply manual = api.post("/api/v1/profiles/" + profile + "/snapshots", "{\"name\": \"slow\"}");
        assertThat(manual.status()).as(manual.body()).isEqualTo(202);

        UUID run = snapshotRuns.fire(policy(profile, "daily"), DAY_ONE).orElseThrow();
        assertThat(runs.find(run).orElseThrow().reason()).contains("was working on the profile");
        SnapshotRun ended = fixtures.await(run);

        assertThat(ended.state()).as(ended.toString()).isEqualTo("SUCCEEDED");
        assertThat(names(fixtures.snapshots(profile))).containsExactlyInAnyOrder("slow", "auto-daily-202611010300");
    }

    @Test
    void underFaultsNoRunIsLostWithoutAReasonAndNothingOutsideTheLabelIsDeleted() {
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String profile = fixtures.profileWithVm("snap-fault", i % 2 == 0 ? "srv02" : "srv03");
            fixtures.putPolicies(profile, """
                    [{"label": "hourly", "cron": "0 * * * *", "keep": 2},
                     {"label": "daily", "cron": "0 3 * * *", "keep": 5}]""");
            fixtures.manual(profile, "keep-me");
            VmHandle vm = vms.find(profile).orElseThrow();
            // one taken outside Rigplane, and one of the other label
            await(clusters.client(vm.cluster()).createSnapshot(vm.node(), vm.vmid(), "outside", null, false), vm);
            assertThat(fixtures.await(snapshotRuns.fire(policy(profile, "daily"), DAY_ONE).orElseThrow()).state())
                    .isEqualTo("SUCCEEDED");
            profiles.add(profile);
        }
        int destructiveBefore = simulator.destructiveCallCount();
        simulator.faults().reseed(11).errorRate(0.1).lockContentionRate(0.3).taskFailureRate(0.15);

        List<UUID> fired = new ArrayList<>();
        for (int hour = 1; hour <= 6; hour++) {
            for (String profile : profiles) {
                fired.add(snapshotRuns.fire(policy(profile, "hourly"), DAY_ONE.plus(Duration.ofHours(hour))).orElseThrow());
            }
            fired.forEach(fixtures::await);
        }
        simulator.faults().clear();

        List<SnapshotRun> ended = fired.stream().map(fixtures::await).toList();
        assertThat(ended).allSatisfy(run -> {
            if (!run.state().equals("SUCCEEDED")) {
                assertThat(run.reason()).as(run.toString()).isNotBlank();
            }
        });
        assertThat(ended).filteredOn(run -> run.state().equals("SUCCEEDED")).isNotEmpty();
        assertThat(simulator.destructiveCalls().subList(destructiveBefore, simulator.destructiveCallCount()))
                .allSatisfy(call -> assertThat(String.valueOf(call.get("path"))).matches(".*/snapshot/auto-hourly-\\d{12}"));
        for (String profile : profiles) {
            assertThat(names(fixtures.snapshots(profile))).contains("keep-me", "outside", "auto-daily-202611010300");
        }
        System.out.printf("snapshot runs under faults: %d of %d succeeded, the rest ended with a reason%n",
                ended.stream().filter(r -> r.state().equals("SUCCEEDED")).count(), ended.size());
    }

    @Test
    void deleteRefusesForeignSnapshotsUnlessConfirmedAndRollbackNeedsConfirmation() {
        String profile = fixtures.profileWithVm("snap-manual", "srv03");
        assertThat(fixtures.manual(profile, "mine").get("state").asString()).isEqualTo("SUCCEEDED");
        VmHandle vm = vms.find(profile).orElseThrow();
        await(clusters.client(vm.cluster()).createSnapshot(vm.node(), vm.vmid(), "theirs", "by hand", false), vm);

        JsonNode listed = fixtures.snapshots(profile);
        assertThat(listed).filteredOn(s -> s.get("name").asString().equals("mine"))
                .allSatisfy(s -> assertThat(s.get("takenByRigplane").asBoolean()).isTrue());
        assertThat(listed).filteredOn(s -> s.get("name").asString().equals("theirs"))
                .allSatisfy(s -> assertThat(s.get("takenByRigplane").asBoolean()).isFalse());

        Api.Reply refused = api.delete("/api/v1/profiles/" + profile + "/snapshots/theirs");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("snapshot-not-rigplane");
        assertThat(api.post("/api/v1/profiles/" + profile + "/snapshots", "{\"name\": \"auto-daily-202601010300\"}")
                .status()).as("the scheduler's names are reserved").isEqualTo(400);

        Api.Reply rollbackUnconfirmed = api.post("/api/v1/profiles/" + profile + "/snapshots/mine/rollback", "{}");
        assertThat(rollbackUnconfirmed.status()).isEqualTo(400);
        JsonNode rolledBack = api.awaitOperation(api.post("/api/v1/profiles/" + profile + "/snapshots/mine/rollback",
                "{\"confirm\": \"mine\"}").json().get("id").asString(), Duration.ofSeconds(30));
        assertThat(rolledBack.get("state").asString()).as(rolledBack.toString()).isEqualTo("SUCCEEDED");

        JsonNode deleted = api.awaitOperation(api.delete("/api/v1/profiles/" + profile + "/snapshots/mine").json()
                .get("id").asString(), Duration.ofSeconds(30));
        assertThat(deleted.get("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode confirmed = api.awaitOperation(api.delete("/api/v1/profiles/" + profile
                + "/snapshots/theirs?confirm=theirs").json().get("id").asString(), Duration.ofSeconds(30));
        assertThat(confirmed.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(fixtures.snapshots(profile)).isEmpty();
    }

    @Test
    void policiesAreValidatedAndTheDryRunShowsWhatTheNextRunWouldDo() {
        SimulatorControl.pciMapping(simulator, "snap-gpu", "node=srv02,path=0000:0a:00,id=10de:2484");
        Api.Reply gpu = api.post("/api/v1/profiles", """
                {"name": "snap-gpu-%s", "node": "srv02", "platform": "windows-11-gaming", "cores": 2, "memoryMiB": 4096,
                 "disks": [{"slot": "scsi0", "storage": "local-zfs", "sizeGiB": 32, "role": "system"}],
                 "gpu": "snap-gpu"}""".formatted(UUID.randomUUID().toString().substring(0, 6)));
        assertThat(gpu.status()).as(gpu.body()).isEqualTo(201);
        Api.Reply ram = api.put("/api/v1/profiles/" + gpu.json().get("name").asString() + "/snapshot-policy",
                "{\"policies\": [{\"label\": \"daily\", \"cron\": \"0 3 * * *\", \"keep\": 7, \"ramState\": true}]}");
        assertThat(ram.status()).isEqualTo(400);
        assertThat(ram.body()).contains("policies[0].ramState").contains("GPU");

        String profile = fixtures.profileWithVm("snap-dry", "srv03");
        Api.Reply bad = api.put("/api/v1/profiles/" + profile + "/snapshot-policy", """
                {"policies": [{"label": "a-label-far-too-long-for-40", "cron": "0 3 * *", "timeZone": "Mars/Base",
                               "keep": 0}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("policies[0].label", "policies[0].cron", "policies[0].timeZone", "policies[0].keep");
        assertThat(api.get("/api/v1/profiles/" + profile + "/snapshot-policy").json().get("policies")).isEmpty();

        JsonNode saved = fixtures.putPolicies(profile,
                "[{\"label\": \"daily\", \"cron\": \"30 2 * * *\", \"timeZone\": \"Europe/Berlin\", \"keep\": 1}]");
        Instant next = Instant.parse(saved.get("policies").get(0).get("nextRun").asString());
        assertThat(next.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalTime()).isEqualTo(java.time.LocalTime.of(2, 30));
        fixtures.await(snapshotRuns.fire(policy(profile, "daily"), DAY_ONE).orElseThrow());

        JsonNode dry = api.get("/api/v1/profiles/" + profile + "/snapshot-policy/dry-run").json().get("policies").get(0);
        assertThat(dry.get("wouldTake").asString()).startsWith("auto-daily-");
        assertThat(dry.get("wouldPrune").get(0).asString()).isEqualTo("auto-daily-202611010300");
        assertThat(names(fixtures.snapshots(profile))).containsExactly("auto-daily-202611010300");
    }

    private long policy(String profile, String label) {
        return policies.stored(profile).stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow().id();
    }

    private void await(io.rigplane.proxmox.Upid upid, VmHandle vm) {
        clusters.client(vm.cluster()).await(upid, Duration.ofSeconds(30));
    }

    private static List<String> names(JsonNode snapshots) {
        return StreamSupport.stream(snapshots.spliterator(), false).map(s -> s.get("name").asString()).toList();
    }
}

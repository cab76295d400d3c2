package io.rigplane.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.access.Actor;
import io.rigplane.proxmox.ClusterVm;
import io.rigplane.proxmox.ProxmoxClusters;
import io.rigplane.simulator.ProxmoxSimulator;
import io.rigplane.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The one task step of every handler, against the simulator: a task that meets a VM lock is started
 * again once the lock is gone, gives up with the reason at the lock-retry deadline, and reports a
 * stuck {@code snapshot-delete} lock at once.
 */
@IntegrationTest
@Import(TaskStepTest.DescribeHandler.class)
@TestPropertySource(properties = {"rigplane.operations.lock-retry.deadline=2s",
        "rigplane.operations.lock-retry.first-pause=50ms", "rigplane.operations.lock-retry.max-pause=200ms"})
class TaskStepTest {

    static final String KIND = "test-describe";

    @Autowired
    Operations operations;

    @Autowired
    ProxmoxSimulator simulator;

    @Autowired
    ProxmoxClusters clusters;

    @AfterEach
    void unlock() {
        simulator.faults().clear();
        clusters.defaultClient().vms().forEach(vm -> simulator.setVmLock(vm.vmid(), null));
    }

    @Test
    void aTaskThatMeetsABackupLockIsStartedAgainOnceTheLockIsGone() throws Exception {
        ClusterVm vm = vm();
        simulator.setVmLock(vm.vmid(), "backup");
        int before = tasks(vm);

        OperationView submitted = describe(vm, "after the backup");
        Thread.sleep(700);
        assertThat(operations.get(submitted.id()).state()).isEqualTo(OperationState.RUNNING);
        simulator.setVmLock(vm.vmid(), null);
        OperationView done = awaitFinished(submitted.id());

        assertThat(done.state()).as(done.toString()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(done.steps()).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("describe VM " + vm.vmid());
            assertThat(step.state()).isEqualTo(StepState.SUCCEEDED);
            assertThat(step.message()).isEqualTo("OK");
            assertThat(step.upid()).contains(":qmconfig:" + vm.vmid() + ":");
        });
        assertThat(clusters.defaultClient().config(vm.node(), vm.vmid()).get("description"))
                .isEqualTo("after the backup");
        // qemu-server refuses the call itself on a VM lock (its early check before forking), so no task fails
        assertThat(tasks(vm) - before).as("the call was refused on the lock, then the lock was only looked at until"
                + " it was gone, then one task did the work").isEqualTo(1);
    }

    @Test
    void aBusyConfigFileLockIsRetriedToo() throws Exception {
        ClusterVm vm = vm();
        simulator.faults().lockContentionRate(1.0);

        OperationView submitted = describe(vm, "after the file lock");
        Thread.sleep(500);
        simulator.faults().lockContentionRate(0);
        OperationView done = awaitFinished(submitted.id());

        assertThat(done.state()).as(done.toString()).isEqualTo(OperationState.SUCCEEDED);
        assertThat(clusters.defaultClient().config(vm.node(), vm.vmid()).get("description"))
                .isEqualTo("after the file lock");
    }

    @Test
    void aLockThatStaysGivesUpAtTheDeadlineWithTheLastReason() {
        ClusterVm vm = vm();
        simulator.setVmLock(vm.vmid(), "backup");

        OperationView done = awaitFinished(describe(vm, "never").id());

        assertThat(done.state()).isEqualTo(OperationState.FAILED);
        assertThat(done.error()).startsWith("describe VM " + vm.vmid() + ": gave up after ")
                .contains(" attempts in 2 s; last: VM is locked (backup)");
        Duration took = Duration.between(done.startedAt(), done.finishedAt());
        assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(4));
        assertThat(done.steps()).singleElement().satisfies(step -> {
            assertThat(step.state()).isEqualTo(StepState.FAILED);
            assertThat(step.message()).isEqualTo(done.error());
        });
    }

    @Test
    void aStuckSnapshotDeleteLockIsReportedAtOnceWithWhatToDo() {
        ClusterVm vm = vm();
        simulator.setVmLock(vm.vmid(), "snapshot-delete");

        OperationView done = awaitFinished(describe(vm, "never").id());

        assertThat(done.state()).isEqualTo(OperationState.FAILED);
        assertThat(done.error()).contains("stuck in a snapshot-delete lock").contains("qm unlock " + vm.vmid());
        assertThat(Duration.between(done.startedAt(), done.finishedAt())).isLessThan(Duration.ofSeconds(1));
    }

    private ClusterVm vm() {
        List<ClusterVm> vms = clusters.defaultClient().vms().stream()
                .sorted(java.util.Comparator.comparingInt(ClusterVm::vmid)).toList();
        return vms.get(0);
    }

    private int tasks(ClusterVm vm) {
        return simulator.taskCounts().byVm().getOrDefault("qmconfig", Map.of())
                .getOrDefault(String.valueOf(vm.vmid()), 0);
    }

    private OperationView describe(ClusterVm vm, String text) {
        return operations.submit(new OperationRequest(KIND, "describe-" + UUID.randomUUID(),
                Map.of("node", vm.node(), "vmid", String.valueOf(vm.vmid()), "text", text),
                new Actor(Actor.Type.USER, "admin"), null));
    }

    private OperationView awaitFinished(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        OperationView operation = operations.get(id);
        while (!operation.state().finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            operation = operations.get(id);
        }
        return operation;
    }

    /** Sets a VM's description through {@link OperationContext#task}, as the real handlers run their tasks. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DescribeHandler {

        @Bean
        OperationHandler describeHandler(ProxmoxClusters clusters) {
            return new OperationHandler() {
                @Override
                public String kind() {
                    return KIND;
                }

                @Override
                public String execute(OperationContext context) throws Exception {
                    String node = context.params().get("node");
                    int vmid = Integer.parseInt(context.params().get("vmid"));
                    return context.task("describe VM " + vmid, ProxmoxTask.of(clusters.defaultClient(),
                            client -> client.updateConfig(node, vmid, Map.of("description", context.params().get("text")),
                                    List.of(), null), Duration.ofSeconds(30)));
                }
            };
        }
    }
}

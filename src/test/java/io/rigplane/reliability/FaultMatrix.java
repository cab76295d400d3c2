package io.rigplane.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The check every fault row goes through: profiles applied, started and stopped under the fault;
 * then nothing destroyed, no VM made twice, every operation ended within the row's bound, and
 * every failure with a reason a person can act on.
 */
final class FaultMatrix {

    private static final int PROFILES = 4;

    private FaultMatrix() {
    }

    static void check(FaultRow row, FaultRow.World world) throws Exception {
        Api api = world.api();
        List<String> profiles = Workload.names(row.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                PROFILES);
        for (int i = 0; i < PROFILES; i++) {
            Workload.createProfile(api, profiles.get(i), i % 2 == 0 ? "srv02" : "srv03");
        }
        int destructive = world.simulator().destructiveCallCount();
        row.inject().apply(world);

        List<JsonNode> ended = new ArrayList<>();
        List<String> targets = profiles;
        for (String action : List.of("apply", "start", "stop")) {
            List<String> operations = targets.stream().map(p -> Workload.submit(api, p, action)).toList();
            if (action.equals("apply")) {
                row.during().apply(world);
            }
            Map<String, JsonNode> phase = Workload.awaitAll(api, operations, row.bound());
            ended.addAll(phase.values());
            if (action.equals("apply")) {
                targets = phase.values().stream().filter(op -> op.get("state").asString().equals("SUCCEEDED"))
                        .map(op -> op.get("target").asString()).map(FaultMatrix::profileOf).toList();
            }
        }
        row.heal().apply(world);
        world.simulator().faults().clear();

        assertThat(world.simulator().destructiveCallCount()).as("destructive calls").isEqualTo(destructive);
        JsonNode managed = api.get("/api/v1/vms?managed=true").json();
        for (String profile : profiles) {
            assertThat(managed).as("VMs of " + profile)
                    .filteredOn(vm -> profile.equals(vm.get("managedBy").asString())).hasSizeLessThanOrEqualTo(1);
        }
        for (JsonNode operation : ended) {
            String state = operation.get("state").asString();
            if (row.allMustSucceed()) {
                assertThat(state).as(operation.toString()).isEqualTo("SUCCEEDED");
            }
            if (state.equals("FAILED")) {
                String error = operation.get("error").asString("");
                System.out.printf("%s: %s %s failed: %s%n", row, operation.get("kind").asString(""),
                        operation.get("target").asString(""), error);
                assertThat(error).as(operation.toString()).isNotBlank().doesNotContain("null").hasSizeGreaterThan(10);
                assertThat(error).as(operation.toString()).matches(row.reason());
            }
        }
    }

    /** Operations name their target {@code profile:NAME} or {@code NAME}; the API paths take the name. */
    static String profileOf(String target) {
        return target.substring(target.indexOf(':') + 1);
    }
}

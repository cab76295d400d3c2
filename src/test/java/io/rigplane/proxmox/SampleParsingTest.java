package io.rigplane.proxmox;

import io.rigplane.proxmox.internal.ClusterResource;
import io.rigplane.proxmox.internal.Fields;
import io.rigplane.proxmox.internal.NodeStatus;
import io.rigplane.proxmox.internal.Parsers;
import io.rigplane.proxmox.internal.ProxmoxErrors;
import io.rigplane.proxmox.internal.ProxmoxParameterException;
import io.rigplane.proxmox.internal.PveHttp;
import io.rigplane.proxmox.internal.TaskStatus;
import io.rigplane.proxmox.internal.TaskSummary;
import io.rigplane.proxmox.internal.TaskWaiter;
import io.rigplane.proxmox.internal.VersionInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigplane.support.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every body captured from real servers (PVE 6.2 to 8.x) goes through the client's own parsing,
 * and each field of each object ends up in the typed record or its {@code extra}: nothing is lost.
 * The samples are read in place (their licences keep them out of the project); see ReferenceData.
 */
class SampleParsingTest {

    static Path samples() {
        return ReferenceData.require("proxmox/samples");
    }

    @Test
    void parsesEverySampleWithoutLoss() throws IOException {
        Path dir = samples();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> parsed = new ArrayList<>();
        for (Path file : files) {
            JsonNode body = PveHttp.readTree(Files.readString(file));
            parse(file.getFileName().toString(), body);
            parsed.add(file.getFileName().toString());
        }
        assertThat(parsed).hasSize(files.size()).hasSizeGreaterThanOrEqualTo(30);
    }

    /** Picks the parser by endpoint, from the file name; a new kind of sample must be added here. */
    private void parse(String name, JsonNode body) {
        JsonNode data = Parsers.unwrap(body);
        if (name.contains("400")) {
            ProxmoxException e = ProxmoxErrors.map(400, "Parameter verification failed.", body, "sample");
            assertThat(e).isInstanceOf(ProxmoxParameterException.class);
            assertThat(((ProxmoxParameterException) e).errors()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.message()).isNotBlank());
        } else if (name.contains("network-get-interfaces__agent_error")) {
            assertThatThrownBy(() -> GuestInterface.fromAgentAnswer(data)).isInstanceOf(ProxmoxAgentException.class)
                    .hasMessageContaining("Unsupported").hasMessageContaining("not currently supported");
        } else if (name.contains("network-get-interfaces")) {
            JsonNode result = data.get("result");
            List<GuestInterface> interfaces = GuestInterface.fromAgentAnswer(data);
            assertThat(interfaces).hasSize(result.size());
            eachLossless(result, GuestInterface::from, GuestInterface::extra);
        } else if (name.contains("task_status")) {
            eachLossless(List.of(data), TaskStatus::from, TaskStatus::extra);
        } else if (name.contains("tasks__list")) {
            eachLossless(data, TaskSummary::from, TaskSummary::extra);
        } else if (name.contains("cluster_resources_type_vm")) {
            eachLossless(data, f -> ClusterVm.from(f, null), ClusterVm::extra);
        } else if (name.contains("cluster_resources") || name.contains("cluster_status")) {
            for (JsonNode item : data) {
                ClusterResource r = ClusterResource.from(Fields.of(item));
                assertThat(r.values().keySet()).containsExactlyInAnyOrderElementsOf(nonNullKeys(item));
            }
        } else if (name.contains("_qemu__") || name.endsWith("_qemu.json")) {
            eachLossless(data, f -> ClusterVm.from(f, "node"), ClusterVm::extra);
        } else if (name.contains("config")) {
            VmConfig config = VmConfig.from(Fields.of(data));
            List<String> keys = new ArrayList<>(nonNullKeys(data));
            if (keys.remove("digest")) {
                assertThat(config.digest()).isNotBlank();
            }
            assertThat(config.values().keySet()).containsExactlyInAnyOrderElementsOf(keys);
        } else if (name.contains("status_current")) {
            eachLossless(List.of(data), f -> VmStatus.from(0, f), VmStatus::extra);
        } else if (name.endsWith("GET_nodes.json")) {
            eachLossless(data, NodeSummary::from, NodeSummary::extra);
        } else if (name.contains("_status")) {
            eachLossless(List.of(data), f -> NodeStatus.from("node1", f), NodeStatus::extra);
        } else if (name.contains("version")) {
            eachLossless(List.of(data), VersionInfo::from, VersionInfo::extra);
        } else {
            throw new AssertionError("no parser chosen for sample " + name + ": add one to this test");
        }
    }

    /** Every non-null key is either taken by the record (with a value) or kept in its extra map. */
    private static <T> void eachLossless(Iterable<JsonNode> items, Function<Fields, T> parse,
            Function<T, Map<String, Object>> extra) {
        int n = 0;
        for (JsonNode item : items) {
            Fields f = Fields.of(item);
            T record = parse.apply(f);
            Map<String, Object> kept = extra.apply(record);
            for (String key : nonNullKeys(item)) {
                boolean typed = f.taken().containsKey(key) && f.taken().get(key) != null;
                assertThat(typed || kept.containsKey(key))
                        .as("field '%s' = %s of %s is neither typed nor kept", key, item.get(key), record).isTrue();
                if (kept.containsKey(key)) {
                    assertThat(kept.get(key)).isEqualTo(Fields.plain(item.get(key)));
                }
            }
            n++;
        }
        assertThat(n).isPositive();
    }

    private static List<String> nonNullKeys(JsonNode item) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : item.properties()) {
            if (!e.getValue().isNull()) {
                keys.add(e.getKey());
            }
        }
        return keys;
    }

    @Test
    void readsLooselyTypedValues() {
        Fields f = Fields.of(PveHttp.readTree("""
                {"memory":"16384","cpu":"0.5","template":"1","agent":0,"onboot":true,"vmid":"101",
                 "tags":"a;b, c d","missing":null}"""));
        assertThat(f.longValue("memory")).isEqualTo(16384L);
        assertThat(f.decimal("cpu")).isEqualTo(0.5);
        assertThat(f.bool("template")).isTrue();
        assertThat(f.bool("agent")).isFalse();
        assertThat(f.bool("onboot")).isTrue();
        assertThat(f.longValue("vmid", -1)).isEqualTo(101L);
        assertThat(f.tags("tags")).containsExactly("a", "b", "c", "d");
        assertThat(f.string("missing")).isNull();
        assertThat(f.longValue("absent", 7)).isEqualTo(7L);
        assertThat(f.extra()).isEmpty();
    }

    @Test
    void aTaskWithWarningsSucceedsAndAnErrorTextFails() throws IOException {
        Path dir = samples().resolve("issues");
        TaskStatus warnings = TaskStatus.from(Fields.of(Parsers.unwrap(PveHttp.readTree(Files.readString(
                dir.resolve("proxmox-api-go-pr247_GET_task_status__stopped_WARNINGS.json"))))));
        assertThat(warnings.succeeded()).isTrue();
        assertThat(warnings.warnings()).isPositive();
        TaskResult result = TaskWaiter.outcome(Upid.parse(warnings.upid()), warnings, () -> List.of());
        assertThat(result.exitStatus()).startsWith("WARNINGS");
        assertThat(result.warnings()).isEqualTo(warnings.warnings());

        TaskStatus failed = TaskStatus.from(Fields.of(Parsers.unwrap(PveHttp.readTree(Files.readString(
                samples().resolve("proxmoxer/GET_task_status__stopped_interrupted.json"))))));
        assertThat(failed.running()).isFalse();
        assertThat(failed.succeeded()).isFalse();
        TaskStatus running = TaskStatus.from(Fields.of(Parsers.unwrap(PveHttp.readTree(Files.readString(
                dir.resolve("bpg-1246_GET_task_status__running_qmcreate_token.json"))))));
        assertThat(running.running()).isTrue();
        assertThat(running.succeeded()).isFalse();
    }
}

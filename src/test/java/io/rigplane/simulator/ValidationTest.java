package io.rigplane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTest extends SimulatorTestBase {

    @Test
    void badParametersAreAnswered400WithOneErrorPerParameter() {
        PveTestClient.Reply r = api.put(vmPath(100) + "/config", "cores", "many", "memory", "8", "ostype", "win12",
                "pool", "x", "scsi1", "local-zfs:10,cache=fast", "net1", "virtio,tag=5000", "cpu", "host,hidden=2");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).containsEntry("data", null);
        Map<String, String> errors = r.errors();
        assertThat(errors).containsOnlyKeys("cores", "memory", "ostype", "pool", "scsi1", "net1", "cpu");
        assertThat(errors.get("cores")).isEqualTo("type check ('integer') failed - got 'many'");
        assertThat(errors.get("pool")).isEqualTo("property is not defined in schema and the schema does not allow additional properties");
        assertThat(errors.get("ostype")).startsWith("value 'win12' does not have a value in the enumeration");
        assertThat(errors.get("scsi1")).contains("scsi1.cache: value 'fast' does not have a value in the enumeration");
        assertThat(errors.get("net1")).contains("net1.tag: value must have a maximum value of 4094");
        assertThat(errors.get("memory")).contains("memory.current: value must have a minimum value of 16");
        assertThat(errors.get("cpu")).contains("cpu.hidden: type check ('boolean') failed");
        assertThat(api.rawStatusLine("PUT", vmPath(100) + "/config", "cores=x"))
                .isEqualTo("HTTP/1.1 400 Parameter verification failed.");
        // nothing changed
        assertThat(api.config("srv02", 100)).containsEntry("cores", 8);
    }

    @Test
    void missingRequiredParametersAndBadPathValuesAreReported() {
        PveTestClient.Reply r = api.post("/nodes/srv02/qemu", "name", "x");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).containsEntry("vmid", "property is missing and it is not optional");
        assertThat(api.get("/nodes/srv02/qemu/99/config").errors()).containsEntry("vmid", "value must have a minimum value of 100");
        assertThat(api.put(vmPath(100) + "/resize", "disk", "scsi0").errors()).containsKey("size");
    }

    @Test
    void jsonBodiesAreAcceptedLikeForms() {
        PveTestClient.Reply ok = api.send("PUT", vmPath(100) + "/config",
                Json.write(Map.of("cores", 4, "onboot", true, "description", "from json")), "application/json");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(api.config("srv02", 100)).containsEntry("cores", 4).containsEntry("onboot", 1)
                .containsEntry("description", "from json");
        PveTestClient.Reply bad = api.send("PUT", vmPath(100) + "/config", Json.write(Map.of("cores", "x")), "application/json");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void serverErrorsCarryTheMessageInReasonAndBody() {
        PveTestClient.Reply r = api.get("/nodes/srv02/qemu/999/config");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("Configuration file 'nodes/srv02/qemu-server/999.conf' does not exist\n");
        assertThat(api.rawStatusLine("GET", "/nodes/srv02/qemu/999/config", null))
                .isEqualTo("HTTP/1.1 500 Configuration file 'nodes/srv02/qemu-server/999.conf' does not exist");
        assertThat(api.get("/nodes/srv02/nothing").status()).isEqualTo(501);
    }
}

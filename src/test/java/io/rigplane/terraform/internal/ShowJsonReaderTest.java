package io.rigplane.terraform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class ShowJsonReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, Object> vm(String address, String name) {
        return Map.of("address", address, "mode", "managed", "type", "proxmox_virtual_environment_vm", "name", name,
                "values", Map.of("node_name", "pve"));
    }

    @Test
    void findsTheVmsOfAStateInEveryModuleAndSkipsEverythingElse() {
        Map<String, Object> state = Map.of("format_version", "1.0", "values", Map.of("root_module", Map.of(
                "resources", List.of(vm("proxmox_virtual_environment_vm.a", "a"),
                        Map.of("address", "data.proxmox_virtual_environment_vm.template", "mode", "data",
                                "type", "proxmox_virtual_environment_vm", "name", "template", "values", Map.of()),
                        Map.of("address", "random_password.p", "mode", "managed", "type", "random_password",
                                "name", "p", "values", Map.of())),
                "child_modules", List.of(Map.of("address", "module.m", "resources",
                        List.of(vm("module.m.proxmox_virtual_environment_vm.b[0]", "b")),
                        "child_modules", List.of(Map.of("resources",
                                List.of(vm("module.m.module.n.proxmox_virtual_environment_vm.c", "c")))))))));

        List<TerraformResource> resources = ShowJsonReader.read(state);

        assertThat(resources).extracting(TerraformResource::address).containsExactly(
                "proxmox_virtual_environment_vm.a", "module.m.proxmox_virtual_environment_vm.b[0]",
                "module.m.module.n.proxmox_virtual_environment_vm.c");
        assertThat(resources).extracting(TerraformResource::label).containsExactly("a", "b", "c");
    }

    @Test
    void findsTheVmsOfAPlanInItsPlannedValues() {
        Object plan = JSON.readValue("""
                {"format_version": "1.2", "prior_state": {}, "resource_changes": [],
                 "planned_values": {"root_module": {"resources": [
                   {"address": "proxmox_virtual_environment_vm.web", "mode": "managed",
                    "type": "proxmox_virtual_environment_vm", "name": "web", "values": {"node_name": "pve"}}]}}}""",
                Object.class);

        assertThat(ShowJsonReader.read(plan)).extracting(TerraformResource::address)
                .containsExactly("proxmox_virtual_environment_vm.web");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("[]", "document"),
                Arguments.of("{\"format_version\": \"1.0\"}", "document"),
                Arguments.of("{\"values\": {}}", "values.root_module"),
                Arguments.of("{\"values\": {\"root_module\": {}}}", "values"),
                Arguments.of("{\"values\": {\"root_module\": {\"resources\": 3}}}", "values.root_module.resources"),
                Arguments.of("{\"values\": {\"root_module\": {\"resources\": [1]}}}", "values.root_module.resources[0]"),
                Arguments.of("{\"values\": {\"root_module\": {\"resources\": [{\"type\": \"proxmox_virtual_environment_vm\"}]}}}",
                        "values.root_module.resources[0].values"),
                Arguments.of("{\"values\": {\"root_module\": {\"child_modules\": {}}}}", "values.root_module.child_modules"),
                Arguments.of("{\"planned_values\": {\"root_module\": {\"resources\": [{\"type\": \"aws_instance\", \"values\": {}}]}}}",
                        "planned_values"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refused")
    void refusesWhatIsNotTheOutputOfTerraformShowJson(String json, String field) {
        Object document = JSON.readValue(json, Object.class);
        assertThatThrownBy(() -> ShowJsonReader.read(document)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
    }

    @Test
    void namesTheOtherResourceTypesWhenThereIsNoVm() {
        Object document = JSON.readValue("{\"values\": {\"root_module\": {\"resources\": [{\"type\": \"aws_instance\","
                + " \"values\": {}}]}}}", Object.class);
        assertThatThrownBy(() -> ShowJsonReader.read(document)).hasMessageContaining("only aws_instance");
    }
}

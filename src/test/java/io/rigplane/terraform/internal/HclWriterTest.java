package io.rigplane.terraform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HclWriterTest {

    @Test
    void writesAnImportBlockTheResourceAndCommentsAsTerraformFmtWould() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("node_name", "srv02");
        attributes.put("vm_id", 100L);
        attributes.put("tags", List.of("gaming", "rigplane"));
        attributes.put("cpu", List.of(new LinkedHashMap<>(Map.of("cores", 8L))));
        Map<String, Object> disk = new LinkedHashMap<>();
        disk.put("interface", "scsi0");
        disk.put("size", 200L);
        disk.put("speed", List.of(Map.of("read", 100L)));
        attributes.put("disk", List.of(disk, Map.of("interface", "scsi1")));
        ExportedVm vm = new ExportedVm("Rigplane profile gaming-pc", "gaming-pc", "srv02/100", attributes,
                List.of(new UnmappedSetting("cpu", "hidden=1", "no attribute")));

        assertThat(HclWriter.write(List.of(vm))).isEqualTo("""
                # Rigplane profile gaming-pc
                import {
                  to = proxmox_virtual_environment_vm.gaming-pc
                  id = "srv02/100"
                }

                resource "proxmox_virtual_environment_vm" "gaming-pc" {
                  node_name = "srv02"
                  vm_id     = 100
                  tags      = ["gaming", "rigplane"]

                  cpu {
                    cores = 8
                  }

                  disk {
                    interface = "scsi0"
                    size      = 200

                    speed {
                      read = 100
                    }
                  }

                  disk {
                    interface = "scsi1"
                  }

                  # Not carried by any attribute of the bpg/proxmox provider:
                  # cpu: hidden=1 (no attribute)
                }
                """);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("plain", "\"plain\""),
                Arguments.of("say \"hi\"\\now", "\"say \\\"hi\\\"\\\\now\""),
                Arguments.of("two\nlines\tand\r", "\"two\\nlines\\tand\\r\""),
                Arguments.of("${not.a.reference} and %{ if x }", "\"$${not.a.reference} and %%{ if x }\""),
                Arguments.of("100% and $5", "\"100% and $5\""),
                Arguments.of("bell\u0007", "\"bell\\u0007\""),
                Arguments.of(true, "true"),
                Arguments.of(42L, "42"),
                Arguments.of(new BigDecimal("1.50"), "1.5"),
                Arguments.of(List.of("+aes", "-pcid"), "[\"+aes\", \"-pcid\"]"),
                Arguments.of(List.of(), "[]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("values")
    void writesValuesSoThatTerraformReadsThemBackUnchanged(Object value, String hcl) {
        assertThat(HclWriter.value(value)).isEqualTo(hcl);
    }

    @Test
    void whatItWritesIsReadBackByAnHclParser() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("node_name", "pve");
        attributes.put("description", "quotes \" backslash \\ newline \n template ${x} percent %{y}");
        ExportedVm vm = new ExportedVm("heading", "web", null, attributes, List.of());

        Map<String, Object> state = HclDocuments.asState(HclWriter.write(List.of(vm)));

        TerraformResource resource = ShowJsonReader.read(state).get(0);
        assertThat(resource.values()).containsEntry("description", attributes.get("description"));
    }
}

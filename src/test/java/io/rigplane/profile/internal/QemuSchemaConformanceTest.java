package io.rigplane.profile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.rigplane.support.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rigplane's hand-written schema of the VM config keys against the published Proxmox VE API
 * schema of {@code POST /nodes/{node}/qemu}: every key, type, enum, range, default and
 * property-string option must match. The schema is reference data outside the project, read
 * in place (its licence keeps it out of the project): without it the test fails under CI and is
 * skipped elsewhere.
 */
class QemuSchemaConformanceTest {

    private final List<String> mismatches = new ArrayList<>();

    @Test
    @SuppressWarnings("unchecked")
    void theConfigKeysMatchTheProxmoxSchema() throws Exception {
        Path reference = reference();
        List<Map<String, Object>> nodes = JsonMapper.builder().build().readValue(Files.readString(reference),
                new TypeReference<List<Map<String, Object>>>() { });
        Map<String, Object> create = nodes.stream().filter(node -> "/nodes/{node}/qemu".equals(node.get("path")))
                .findFirst().orElseThrow();
        Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) create.get("info")).get("POST");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) post.get("parameters")).get("properties");

        Set<String> ours = new TreeSet<>();
        for (SchemaParam param : QemuSchema.CONFIG) {
            ours.add(param.schemaName());
            Map<String, Object> theirs = properties.get(param.schemaName());
            if (theirs == null) {
                mismatches.add(param.schemaName() + ": not in the schema");
                continue;
            }
            compare(param.schemaName(), param, theirs);
            if (param.format() != null && theirs.get("format") instanceof Map<?, ?> format) {
                compareFormat(param.schemaName(), param.format(), (Map<String, Map<String, Object>>) format);
            }
        }
        Set<String> missing = new TreeSet<>(properties.keySet());
        missing.removeAll(ours);
        missing.removeAll(QemuSchema.CREATE_ONLY);
        if (!missing.isEmpty()) {
            mismatches.add("keys of the schema Rigplane does not know: " + missing);
        }
        mismatches.forEach(mismatch -> System.out.println("  MISMATCH: " + mismatch));
        assertThat(mismatches).isEmpty();
    }

    private void compare(String where, SchemaParam param, Map<String, Object> theirs) {
        String type = String.valueOf(theirs.get("type"));
        String expected = switch (param.type()) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
        };
        if (!type.equals(expected)) {
            mismatches.add(where + ": type " + expected + ", schema " + type);
        }
        Object enumValues = theirs.get("enum");
        if (enumValues != null && !new TreeSet<>((List<?>) enumValues).equals(
                param.enumValues() == null ? Set.of() : new TreeSet<>(param.enumValues()))) {
            mismatches.add(where + ": enum " + param.enumValues() + ", schema " + enumValues);
        }
        compareBound(where + " minimum", param.min(), theirs.get("minimum"));
        compareBound(where + " maximum", param.max(), theirs.get("maximum"));
        Object fallback = theirs.get("default");
        if (fallback == null && theirs.get("format") instanceof Map<?, ?> format) {
            // a property string's default is its default key's: memory is [current=]512
            fallback = format.values().stream().map(option -> (Map<?, ?>) option)
                    .filter(option -> option.get("default_key") != null && option.get("default") != null)
                    .map(option -> option.get("default")).findFirst().orElse(null);
        }
        if (param.defaultValue() != null && (fallback == null || !param.defaultValue().equals(String.valueOf(fallback)))) {
            mismatches.add(where + ": default " + param.defaultValue() + ", schema " + fallback);
        }
    }

    private void compareBound(String where, Long ours, Object theirs) {
        if (theirs == null) {
            return;
        }
        if (ours == null || ours.doubleValue() != ((Number) theirs).doubleValue()) {
            mismatches.add(where + ": " + ours + ", schema " + theirs);
        }
    }

    private void compareFormat(String where, SchemaFormat ours, Map<String, Map<String, Object>> theirs) {
        Set<String> theirKeys = new TreeSet<>(theirs.keySet());
        Set<String> ourKeys = new TreeSet<>(ours.keys().keySet());
        ourKeys.addAll(ours.modelKeys());
        if (!theirKeys.equals(ourKeys)) {
            Set<String> onlyTheirs = new TreeSet<>(theirKeys);
            onlyTheirs.removeAll(ourKeys);
            Set<String> onlyOurs = new TreeSet<>(ourKeys);
            onlyOurs.removeAll(theirKeys);
            mismatches.add(where + ": options only in the schema " + onlyTheirs + ", only in Rigplane's " + onlyOurs);
        }
        ours.keys().forEach((key, param) -> {
            Map<String, Object> option = theirs.get(key);
            if (option != null) {
                Object enumValues = option.get("enum");
                if (enumValues != null && !new TreeSet<>((List<?>) enumValues).equals(
                        param.enumValues() == null ? Set.of() : new TreeSet<>(param.enumValues()))) {
                    mismatches.add(where + "." + key + ": enum " + param.enumValues() + ", schema " + enumValues);
                }
                compareBound(where + "." + key + " minimum", param.min(), option.get("minimum"));
                compareBound(where + "." + key + " maximum", param.max(), option.get("maximum"));
            }
        });
    }

    private static Path reference() {
        return ReferenceData.require("proxmox/pve-apidata-relevant.json");
    }
}

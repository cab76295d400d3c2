package io.rigplane.terraform.internal;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns HCL into the document {@code terraform show -json} prints for a state, with an HCL parser
 * of its own, so that a test can feed exported HCL back to the import as Terraform would.
 */
public final class HclDocuments {

    private HclDocuments() {
    }

    /** The parsed HCL: top-level block types to their content, as the parser gives them. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String hcl) {
        try {
            return (Map<String, Object>) new HCLParser().parse(hcl, true);
        } catch (Exception e) {
            throw new AssertionError("not valid HCL: " + e.getMessage() + "\n" + hcl, e);
        }
    }

    /** Every {@code proxmox_virtual_environment_vm} resource of the HCL, as a state document. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asState(String hcl) {
        Map<String, Object> resourceTypes = (Map<String, Object>) parse(hcl).getOrDefault("resource", Map.of());
        Map<String, Object> vms = (Map<String, Object>) resourceTypes.getOrDefault(HclWriter.RESOURCE_TYPE, Map.of());
        List<Object> resources = new ArrayList<>();
        vms.forEach((label, body) -> {
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("address", HclWriter.RESOURCE_TYPE + "." + label);
            resource.put("mode", "managed");
            resource.put("type", HclWriter.RESOURCE_TYPE);
            resource.put("name", label);
            resource.put("provider_name", "registry.terraform.io/bpg/proxmox");
            resource.put("values", attributes((Map<String, Object>) body));
            resources.add(resource);
        });
        return Map.of("format_version", "1.0", "values", Map.of("root_module", Map.of("resources", resources)));
    }

    /** Nested blocks become lists of objects, whole numbers lose the parser's fraction. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> body) {
        Map<String, Object> values = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (value instanceof Map<?, ?> block) {
                values.put(name, List.of(attributes((Map<String, Object>) block)));
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                List<Object> blocks = new ArrayList<>();
                list.forEach(item -> blocks.add(attributes((Map<String, Object>) item)));
                values.put(name, blocks);
            } else {
                values.put(name, scalar(value));
            }
        });
        return values;
    }

    private static Object scalar(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
            return number.longValue();
        }
        if (value instanceof String text) {
            // the parser keeps HCL's template escapes; Terraform reads $${ as ${ and %%{ as %{
            return text.replace("$${", "${").replace("%%{", "%{");
        }
        if (value instanceof List<?> list) {
            return list.stream().map(HclDocuments::scalar).toList();
        }
        return value;
    }
}

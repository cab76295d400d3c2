package io.rigplane.terraform.internal;

import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@code proxmox_virtual_environment_vm} resources of a {@code terraform show -json}
 * document: a state ({@code values}) or a plan ({@code planned_values}), in the root module and
 * every child module. Anything else is refused with the reason.
 */
public final class ShowJsonReader {

    private ShowJsonReader() {
    }

    public static List<TerraformResource> read(@Nullable Object document) {
        if (!(document instanceof Map<?, ?> root)) {
            throw invalid("", "must be the JSON object that terraform show -json prints");
        }
        String key = root.get("values") instanceof Map ? "values"
                : root.get("planned_values") instanceof Map ? "planned_values" : null;
        if (key == null) {
            throw invalid("", "has neither values (a state) nor planned_values (a plan): is it the output of"
                    + " terraform show -json?");
        }
        Object rootModule = ((Map<?, ?>) root.get(key)).get("root_module");
        if (!(rootModule instanceof Map<?, ?> module)) {
            throw invalid(key + ".root_module", "is missing");
        }
        List<TerraformResource> resources = new ArrayList<>();
        TreeSet<String> otherTypes = new TreeSet<>();
        collect(module, key + ".root_module", resources, otherTypes);
        if (resources.isEmpty()) {
            throw invalid(key, "holds no " + HclWriter.RESOURCE_TYPE + " resource"
                    + (otherTypes.isEmpty() ? "" : " (only " + String.join(", ", otherTypes) + ")"));
        }
        return resources;
    }

    private static void collect(Map<?, ?> module, String path, List<TerraformResource> resources,
            TreeSet<String> otherTypes) {
        Object list = module.get("resources");
        if (list != null && !(list instanceof List)) {
            throw invalid(path + ".resources", "must be a list");
        }
        List<?> items = list == null ? List.of() : (List<?>) list;
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + ".resources[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> resource)) {
                throw invalid(itemPath, "must be an object");
            }
            String type = resource.get("type") instanceof String text ? text : null;
            boolean managed = resource.get("mode") == null || "managed".equals(resource.get("mode"));
            if (!HclWriter.RESOURCE_TYPE.equals(type) || !managed) {
                if (type != null) {
                    otherTypes.add(type);
                }
                continue;
            }
            if (!(resource.get("values") instanceof Map<?, ?> values)) {
                throw invalid(itemPath + ".values", "must be an object");
            }
            String label = resource.get("name") instanceof String name ? name : "";
            String address = resource.get("address") instanceof String text ? text : HclWriter.RESOURCE_TYPE + "." + label;
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) values;
            resources.add(new TerraformResource(address, label, attributes));
        }
        Object children = module.get("child_modules");
        if (children != null && !(children instanceof List)) {
            throw invalid(path + ".child_modules", "must be a list");
        }
        List<?> childList = children == null ? List.of() : (List<?>) children;
        for (int i = 0; i < childList.size(); i++) {
            String childPath = path + ".child_modules[" + i + "]";
            if (!(childList.get(i) instanceof Map<?, ?> child)) {
                throw invalid(childPath, "must be an object");
            }
            collect(child, childPath, resources, otherTypes);
        }
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldError(field.isEmpty() ? "document" : field, message)));
    }
}

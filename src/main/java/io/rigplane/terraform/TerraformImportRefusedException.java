package io.rigplane.terraform;

import io.rigplane.system.FieldError;
import io.rigplane.system.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A document with a resource that cannot become a profile: nothing is imported, every problem is listed. */
class TerraformImportRefusedException extends ProblemException {

    private final List<ImportedResource> resources;

    TerraformImportRefusedException(List<ImportedResource> resources) {
        super(HttpStatus.BAD_REQUEST, "terraform-import-refused", "Terraform document cannot be imported",
                count(resources) + " of " + resources.size() + " resources cannot become profiles; nothing was"
                        + " imported");
        this.resources = List.copyOf(resources);
    }

    private static long count(List<ImportedResource> resources) {
        return resources.stream().filter(resource -> !resource.problems().isEmpty()).count();
    }

    @Override
    protected Map<String, Object> properties() {
        List<FieldError> errors = new ArrayList<>();
        resources.forEach(resource -> resource.problems().forEach(problem ->
                errors.add(new FieldError(resource.address() + ": " + problem.field(), problem.message()))));
        return Map.of("errors", errors, "resources", resources);
    }
}

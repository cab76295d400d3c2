package io.rigplane.provisioning;

import io.rigplane.system.FieldError;
import io.rigplane.system.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The VM cannot be managed safely (a template, a key Rigplane cannot record); adopting must never
 * change a VM beyond Rigplane's name and tags, so it is refused with every reason.
 */
public class AdoptionRefusedException extends ProblemException {

    private final List<FieldError> reasons;

    /** The VM cannot be managed at all, for the reason given. */
    AdoptionRefusedException(int vmid, String why, List<FieldError> reasons) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "adoption-refused", "VM cannot be adopted",
                "VM " + vmid + " cannot be adopted: " + why);
        this.reasons = List.copyOf(reasons);
    }

    /** Every difference that stops the adoption, by config key. */
    public List<FieldError> reasons() {
        return reasons;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("errors", reasons);
    }
}

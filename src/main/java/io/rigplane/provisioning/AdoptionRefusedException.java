package io.rigplane.provisioning;

import io.rigplane.system.FieldError;
import io.rigplane.system.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The VM cannot be managed by the platform without changing it; adopting must never change a VM
 * (beyond Rigplane's tags), so it is refused with every reason.
 */
class AdoptionRefusedException extends ProblemException {

    private final List<FieldError> reasons;

    AdoptionRefusedException(int vmid, List<FieldError> reasons) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "adoption-refused", "VM cannot be adopted as it is",
                "VM " + vmid + " differs from what its platform would make of it: " + reasons.size() + " difference"
                        + (reasons.size() == 1 ? "" : "s") + "; adopting it would change it");
        this.reasons = List.copyOf(reasons);
    }

    /** Every difference that stops the adoption, by config key. */
    List<FieldError> reasons() {
        return reasons;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("errors", reasons);
    }
}

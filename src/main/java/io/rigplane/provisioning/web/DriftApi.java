package io.rigplane.provisioning.web;

import io.rigplane.provisioning.drift.DriftDetector;
import io.rigplane.provisioning.drift.DriftReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Drift", description = "VMs changed outside Rigplane; shown, never reverted on their own")
class DriftApi {

    private final DriftDetector detector;

    DriftApi(DriftDetector detector) {
        this.detector = detector;
    }

    @GetMapping("/api/v1/drift")
    @Operation(summary = "Profiles whose VM differs from them, as of their last check")
    List<DriftReport> drifted() {
        return detector.drifted();
    }

    @GetMapping("/api/v1/profiles/{name}/drift")
    @Operation(summary = "The last drift check of a profile's VM")
    DriftReport report(@PathVariable String name) {
        return detector.report(name);
    }

    @PostMapping("/api/v1/profiles/{name}/drift")
    @Operation(summary = "Check a profile's VM for drift now")
    DriftReport check(@PathVariable String name) {
        return detector.check(name);
    }
}

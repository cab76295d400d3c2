package io.rigplane.snapshot.web;

import io.rigplane.snapshot.run.RunStore;
import io.rigplane.snapshot.run.SnapshotRun;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Snapshots")
class SnapshotRunApi {

    private static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> STATES = Set.of("QUEUED", "RUNNING", "SUCCEEDED", "PARTIAL", "SKIPPED", "FAILED");
    private final RunStore runs;

    SnapshotRunApi(RunStore runs) {
        this.runs = runs;
    }

    @GetMapping("/api/v1/snapshot-runs")
    @Operation(summary = "Every snapshot run, newest first: outcome, reason, duration, pruned")
    SnapshotRun.Page runs(@RequestParam(required = false) @Nullable String profile,
            @RequestParam(required = false) @Nullable String label,
            @Parameter(description = "QUEUED, RUNNING, SUCCEEDED, PARTIAL, SKIPPED or FAILED")
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<FieldError> errors = new ArrayList<>(Paging.errors(page, size, MAX_PAGE_SIZE));
        // an empty state filters nothing, as an empty enum filter does elsewhere
        String wanted = state == null || state.isEmpty() ? null : state;
        if (wanted != null && !STATES.contains(wanted)) {
            errors.add(new FieldError("state", "must be one of " + STATES));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return runs.page(profile, label, wanted, page, size);
    }
}

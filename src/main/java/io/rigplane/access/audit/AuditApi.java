package io.rigplane.access.audit;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Who did what to which target, and how it ended (admin scope)")
public class AuditApi {

    private final AuditTrail audit;

    public AuditApi(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Search the audit log, newest first; text filters match exactly, or by prefix with a "
            + "trailing *")
    public AuditResults search(@Parameter(description = "user name, or owner/token for tokens") @RequestParam(required = false)
            @Nullable String actor, @RequestParam(required = false) @Nullable String action,
            @Parameter(description = "for example user:alice or token:*") @RequestParam(required = false)
            @Nullable String target, @RequestParam(required = false) @Nullable AuditOutcome outcome,
            @Parameter(description = "inclusive, ISO-8601") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = "exclusive, ISO-8601") @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return audit.search(new AuditQuery(actor, action, target, outcome, from, to), page, size);
    }
}

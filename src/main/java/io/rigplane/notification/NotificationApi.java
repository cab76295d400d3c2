package io.rigplane.notification;

import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.rigplane.system.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Where Rigplane reports trouble (webhook, ntfy, Discord) and the delivery log (admin scope)")
class NotificationApi {

    static final int MAX_PAGE_SIZE = 200;
    private static final List<String> STATUSES = List.of("PENDING", "SENDING", "DELIVERED", "FAILED");

    private final NotificationTargets targets;
    private final DeliveryStore deliveries;

    NotificationApi(NotificationTargets targets, DeliveryStore deliveries) {
        this.targets = targets;
        this.deliveries = deliveries;
    }

    @GetMapping("/targets")
    @Operation(summary = "List the targets with their state (ACTIVE or PAUSED); secrets are never shown")
    List<TargetView> list() {
        return targets.list();
    }

    @PostMapping("/targets")
    @Operation(summary = "Add a target",
            description = "kind: webhook (signed JSON, needs a secret), ntfy (topic URL; optional access token as "
                    + "secret, priority 1-5, tags) or discord (webhook URL). events: the event types wanted; empty: all.")
    ResponseEntity<TargetView> create(@RequestBody TargetRequest request) {
        TargetView created = targets.create(request);
        return ResponseEntity.created(URI.create("/api/v1/notifications/targets/" + created.id())).body(created);
    }

    @GetMapping("/targets/{id}")
    @Operation(summary = "One target")
    TargetView get(@PathVariable long id) {
        return targets.get(id);
    }

    @PutMapping("/targets/{id}")
    @Operation(summary = "Replace a target; a secret left out is kept; paused true/false pauses or resumes it")
    TargetView update(@PathVariable long id, @RequestBody TargetRequest request) {
        return targets.update(id, request);
    }

    @DeleteMapping("/targets/{id}")
    @Operation(summary = "Delete a target and its queue and log")
    ResponseEntity<Void> delete(@PathVariable long id) {
        targets.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/targets/{id}/test")
    @Operation(summary = "Send a test notification now and answer how it went (also in the delivery log)")
    DeliveryView test(@PathVariable long id) {
        return targets.test(id);
    }

    @PostMapping("/targets/{id}/resume")
    @Operation(summary = "Resume a paused target: its queued deliveries go out again, oldest first")
    TargetView resume(@PathVariable long id) {
        return targets.resume(id);
    }

    @GetMapping("/deliveries")
    @Operation(summary = "The delivery log, newest first: status (PENDING, DELIVERED, FAILED), attempts, "
            + "last response code and error")
    DeliveryView.Page deliveries(@Parameter(description = "a target's id") @RequestParam(required = false)
            @Nullable Long target, @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<FieldError> errors = new ArrayList<>(Paging.errors(page, size, MAX_PAGE_SIZE));
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", STATUSES)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return deliveries.page(target, status, page, size);
    }
}

package io.rigplane.operation.internal;

import io.rigplane.operation.OperationState;
import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/operations")
@Tag(name = "Operations", description = "Everything that takes time: its steps, Proxmox tasks, state and error")
public class OperationApi {

    private final Operations operations;
    private final OperationEvents events;

    public OperationApi(Operations operations, OperationEvents events) {
        this.operations = operations;
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "List operations, newest first, optionally of one target or in one state")
    public Operations.OperationPage list(@RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable OperationState state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return operations.list(target, state, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One operation: state (QUEUED, RUNNING, SUCCEEDED, FAILED), steps, UPIDs, error")
    public OperationView get(@PathVariable UUID id) {
        return operations.get(id);
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: the operation each time it changes, until it finishes",
            description = "Each `operation` event's data is the operation as it stands; its id is the operation's"
                    + " version, so Last-Event-ID resumes where a dropped stream stopped (the latest state if it"
                    + " changed since, nothing seen twice).")
    public SseEmitter events(@PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        operations.get(id);
        return events.follow(id, lastEventId);
    }
}

package io.rigplane.power.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.operation.OperationView;
import io.rigplane.power.PowerControl;
import io.rigplane.power.internal.PowerReadings;
import io.rigplane.power.internal.PowerStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/profiles/{name}")
@Tag(name = "Power", description = "Start, stop, shut down and reboot a profile's VM; one GPU, one running VM")
class PowerApi {

    private static final String KEY = "Idempotency-Key";

    private final PowerControl control;
    private final PowerReadings readings;
    private final CurrentActor actor;

    PowerApi(PowerControl control, PowerReadings readings, CurrentActor actor) {
        this.control = control;
        this.readings = readings;
        this.actor = actor;
    }

    @PostMapping("/start")
    @Operation(summary = "Start the VM: 202 with the operation; a running VM is left alone",
            description = "Wakes the node first when it sleeps. 409 naming the holder when another profile's VM holds"
                    + " the same GPU, unless the profile's gpuPolicy is preempt.")
    ResponseEntity<OperationView> start(@PathVariable String name,
            @RequestHeader(name = KEY, required = false) @Nullable String idempotencyKey) {
        return accepted(control.start(name, actor.get(), idempotencyKey));
    }

    @PostMapping("/stop")
    @Operation(summary = "Stop the VM at once (power off): 202 with the operation")
    ResponseEntity<OperationView> stop(@PathVariable String name,
            @RequestHeader(name = KEY, required = false) @Nullable String idempotencyKey) {
        return accepted(control.stop(name, actor.get(), idempotencyKey));
    }

    @PostMapping("/shutdown")
    @Operation(summary = "Shut the VM down gracefully (guest agent or ACPI): 202 with the operation",
            description = "Waits the profile's shutdownTimeoutSeconds; with force=true, stops the VM after that.")
    ResponseEntity<OperationView> shutdown(@PathVariable String name,
            @Parameter(description = "stop the VM when it has not shut down within the timeout")
            @RequestParam(defaultValue = "false") boolean force,
            @RequestHeader(name = KEY, required = false) @Nullable String idempotencyKey) {
        return accepted(control.shutdown(name, force, actor.get(), idempotencyKey));
    }

    @PostMapping("/reboot")
    @Operation(summary = "Reboot through the API, which applies pending changes: 202 with the operation")
    ResponseEntity<OperationView> reboot(@PathVariable String name,
            @RequestHeader(name = KEY, required = false) @Nullable String idempotencyKey) {
        return accepted(control.reboot(name, actor.get(), idempotencyKey));
    }

    @GetMapping("/status")
    @Operation(summary = "Power state, uptime, pending changes, lock, GPU, node state, current operation")
    PowerStatus status(@PathVariable String name) {
        return readings.status(name);
    }

    static ResponseEntity<OperationView> accepted(OperationView operation) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/operations/" + operation.id())).body(operation);
    }
}

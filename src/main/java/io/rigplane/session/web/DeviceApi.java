package io.rigplane.session.web;

import io.rigplane.session.device.Device;
import io.rigplane.session.device.DeviceCreated;
import io.rigplane.session.device.DeviceProblems;
import io.rigplane.session.device.DeviceRegistry;
import io.rigplane.session.device.DeviceView;
import io.rigplane.session.device.Devices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/devices")
@Tag(name = "Devices", description = "Thin clients, each with its own token, bound to the profiles it may stream")
class DeviceApi {

    private final DeviceRegistry registry;
    private final Devices devices;

    DeviceApi(DeviceRegistry registry, Devices devices) {
        this.registry = registry;
        this.devices = devices;
    }

    record NewDevice(@Nullable String name, @Nullable List<String> profiles) {
    }

    record Bindings(@Nullable List<String> profiles) {
    }

    record DeviceList(List<DeviceView> items) {
    }

    @PostMapping
    @Operation(summary = "Register a thin client; the answer's token field is shown this once only",
            description = "Admins only. The token can do nothing but manage the device's own sessions on "
                    + "these profiles.")
    ResponseEntity<DeviceCreated> create(@RequestBody NewDevice device) {
        DeviceCreated created = registry.create(device.name(), device.profiles());
        return ResponseEntity.created(URI.create("/api/v1/devices/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List devices, active first, with when each was last seen; never a token")
    DeviceList list() {
        return new DeviceList(registry.list());
    }

    @GetMapping("/me")
    @Operation(summary = "The calling device's name and profiles (device tokens only)",
            description = "A thin client shows one button per profile it finds here.")
    Device me() {
        return devices.current().orElseThrow(DeviceProblems.NotADevice::new);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One device")
    DeviceView get(@PathVariable UUID id) {
        return registry.get(id);
    }

    @PutMapping("/{id}/profiles")
    @Operation(summary = "Replace the profiles a device may stream; applies to its next request")
    DeviceView rebind(@PathVariable UUID id, @RequestBody Bindings bindings) {
        return registry.rebind(id, bindings.profiles());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a device: its token stops working at once; revoking twice is fine")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        registry.revoke(id);
        return ResponseEntity.noContent().build();
    }
}

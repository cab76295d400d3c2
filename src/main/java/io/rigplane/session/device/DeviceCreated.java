package io.rigplane.session.device;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A device just registered: the only answer that ever carries its token. */
public record DeviceCreated(UUID id, String name, List<String> profiles, Instant createdAt,
        @Schema(description = "The device's bearer secret. Shown in this answer only; Rigplane keeps just its hash.")
        String token) {

    static DeviceCreated of(DeviceView view, String token) {
        return new DeviceCreated(view.id(), view.name(), view.profiles(), view.createdAt(), token);
    }
}

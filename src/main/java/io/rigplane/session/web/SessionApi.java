package io.rigplane.session.web;

import io.rigplane.access.CurrentActor;
import io.rigplane.session.device.Device;
import io.rigplane.session.device.DeviceNotAllowedException;
import io.rigplane.session.device.Devices;
import io.rigplane.session.internal.SessionEvents;
import io.rigplane.session.internal.SessionNotFoundException;
import io.rigplane.session.internal.SessionQuery;
import io.rigplane.session.internal.SessionState;
import io.rigplane.session.internal.Sessions;
import io.rigplane.session.internal.StreamSession;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Wake-and-stream sessions for thin clients and scripts. A device sees and touches only its own
 * sessions, on the profiles it is bound to; a token with the sessions scope sees all.
 */
@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "Sessions", description = "Wake the host, start the VM, wait for the stream host, connect; stop when idle")
class SessionApi {

    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    private final Sessions sessions;
    private final SessionEvents events;
    private final Devices devices;
    private final CurrentActor actor;

    SessionApi(Sessions sessions, SessionEvents events, Devices devices, CurrentActor actor) {
        this.sessions = sessions;
        this.events = events;
        this.devices = devices;
        this.actor = actor;
    }

    record OpenRequest(@Schema(example = "gaming-pc") @Nullable String profile,
            @Schema(description = "the name the client pairs with the stream host under; a device's own name by default",
                    example = "living-room-tv") @Nullable String clientName) {
    }

    @PostMapping
    @Operation(summary = "Open a session: 202 with the session, which goes on to READY by itself",
            description = "Returns the caller's live session on the profile when there is one. 409 gpu-busy when"
                    + " another person's session holds the GPU and the profile does not queue; 409 session-conflict"
                    + " when the profile allows one session at a time. Follow /events or poll the session.")
    ResponseEntity<StreamSession> open(@RequestBody OpenRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.profile() == null || request.profile().isBlank()) {
            errors.add(new FieldError("profile", "is required"));
        }
        if (request.clientName() != null && !CLIENT_NAME.matcher(request.clientName()).matches()) {
            errors.add(new FieldError("clientName", "must be 1 to 64 letters, digits, spaces, dots, dashes or"
                    + " underscores, starting with a letter or digit"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String profile = request.profile();
        Optional<Device> device = devices.current();
        if (device.isPresent() && !device.get().profiles().contains(profile)) {
            throw new DeviceNotAllowedException(device.get().name(), profile);
        }
        String clientName = device.map(Device::name)
                .orElse(request.clientName() != null ? request.clientName() : actor.get().name());
        StreamSession session = sessions.open(profile, actor.get(), device.map(Device::id).orElse(null), clientName);
        return ResponseEntity.accepted().location(URI.create("/api/v1/sessions/" + session.id())).body(session);
    }

    @GetMapping
    @Operation(summary = "List sessions, newest first; a device lists its own")
    List<StreamSession> list(@RequestParam(required = false) @Nullable String profile,
            @Parameter(description = "only sessions in these states, comma-separated or repeated; empty means every"
                    + " state") @RequestParam(required = false) @Nullable Set<@Nullable SessionState> state,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException(List.of(new FieldError("limit", "must be between 1 and 500")));
        }
        UUID device = devices.current().map(Device::id).orElse(null);
        return sessions.list(new SessionQuery(profile, states(state), device, limit));
    }

    /** The states asked for; an empty value ({@code state=}, {@code state=READY,}) adds none. */
    private static @Nullable Set<SessionState> states(@Nullable Set<@Nullable SessionState> asked) {
        Set<SessionState> states = EnumSet.noneOf(SessionState.class);
        if (asked != null) {
            asked.stream().filter(java.util.Objects::nonNull).forEach(states::add);
        }
        return states.isEmpty() ? null : states;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One session with its transitions and, from READY on, how to connect")
    StreamSession get(@PathVariable UUID id) {
        return visible(id);
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: one `state` event per transition, until ENDED or FAILED",
            description = "Each event's data is the session as it stood after that transition; its id is the"
                    + " transition's number, so Last-Event-ID resumes where a dropped stream stopped.")
    SseEmitter events(@PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        visible(id);
        return events.follow(id, lastEventId);
    }

    @PostMapping("/{id}/heartbeat")
    @Operation(summary = "The client is still there: keeps the session from ending for idleness",
            description = "409 session-ended when the session is over; open a new one.")
    StreamSession heartbeat(@PathVariable UUID id) {
        StreamSession session = visible(id);
        // a device keeps a session alive only on a profile it is still bound to
        Optional<Device> device = devices.current();
        if (device.isPresent() && !device.get().profiles().contains(session.profile())) {
            throw new DeviceNotAllowedException(device.get().name(), session.profile());
        }
        return sessions.heartbeat(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "End the session; the VM shuts down after the profile's grace period unless a new session comes")
    StreamSession end(@PathVariable UUID id) {
        visible(id);
        return sessions.end(id, actor.get(), "ended by " + actor.get().name());
    }

    /** The session, when the caller may see it: a device only its own, as if others did not exist. */
    private StreamSession visible(UUID id) {
        StreamSession session = sessions.get(id);
        Optional<Device> device = devices.current();
        if (device.isPresent() && !sessions.belongsTo(id, device.get().id())) {
            throw new SessionNotFoundException(id);
        }
        return session;
    }
}

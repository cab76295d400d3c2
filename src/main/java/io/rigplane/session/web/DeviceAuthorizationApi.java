package io.rigplane.session.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rigplane.session.device.DeviceView;
import io.rigplane.session.signin.DeviceAuthorizations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * TV sign-in by the OAuth 2.0 Device Authorization Grant (RFC 8628). Asking for codes and
 * polling for the token are anonymous (the TV has nothing yet); approving and denying are admins'.
 */
@RestController
@RequestMapping("/api/v1/device-authorization")
@Tag(name = "Device authorization", description = "Sign a TV in with a short code an admin approves (RFC 8628)")
class DeviceAuthorizationApi {

    private static final Set<String> ACCEPTED_PARAMETERS = Set.of("client_id", "scope");

    private final DeviceAuthorizations authorizations;

    DeviceAuthorizationApi(DeviceAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    record Codes(@JsonProperty("device_code") String deviceCode, @JsonProperty("user_code") String userCode,
            @JsonProperty("verification_uri") String verificationUri,
            @JsonProperty("verification_uri_complete") String verificationUriComplete,
            @JsonProperty("expires_in") long expiresIn, int interval) {
    }

    record TokenRequest(@Schema(description = "the device_code of the authorization request") @Nullable String deviceCode) {
    }

    record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType) {
    }

    record Approval(@Schema(example = "BDFG-HJKL") @Nullable String userCode,
            @Schema(example = "Living room TV") @Nullable String name, @Nullable List<String> profiles) {
    }

    record Denial(@Schema(example = "BDFG-HJKL") @Nullable String userCode) {
    }

    @PostMapping
    @Operation(summary = "A TV asks to be signed in: its device code, the user code to show, where to approve it",
            description = "Anonymous; limited per address (429 with Retry-After). Show user_code (and a QR code of"
                    + " verification_uri_complete), then poll /token every `interval` seconds.")
    ResponseEntity<Codes> start(HttpServletRequest request) {
        // RFC 8628 §3.1 names client_id and scope; anything else is bad input and gets no code
        List<String> stray = request.getParameterMap().keySet().stream()
                .filter(name -> !ACCEPTED_PARAMETERS.contains(name)).sorted().toList();
        if (!stray.isEmpty()) {
            throw new InvalidRequestException(stray.stream().limit(10)
                    .map(name -> new FieldError(name.length() > 64 ? name.substring(0, 64) : name, "is not a parameter"
                            + " of this request")).toList());
        }
        DeviceAuthorizations.Codes codes = authorizations.start(request.getRemoteAddr());
        String approve = ServletUriComponentsBuilder.fromCurrentContextPath().path("/devices/approve").build()
                .toUriString();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Codes(codes.deviceCode(),
                codes.userCode(), approve, approve + "?code=" + codes.userCode(), codes.expiresIn().toSeconds(),
                codes.interval()));
    }

    @PostMapping("/token")
    @Operation(summary = "The TV's poll: once approved, the device token (exactly once)",
            description = "Anonymous. 400 with `error` authorization_pending (ask again after the interval),"
                    + " slow_down (asked too early: the interval grew by 5 s), access_denied, expired_token, or"
                    + " invalid_grant (unknown or already exchanged code).")
    ResponseEntity<Token> token(@RequestBody TokenRequest body, HttpServletRequest request) {
        String token = authorizations.exchange(body.deviceCode(), request.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Token(token, "Bearer"));
    }

    @PostMapping("/approve")
    @Operation(summary = "Approve the code a TV shows: registers the device with this name and profiles",
            description = "Admins only. The TV collects the device's token with its next poll.")
    DeviceView approve(@RequestBody Approval approval) {
        return authorizations.approve(approval.userCode(), approval.name(), approval.profiles());
    }

    @PostMapping("/deny")
    @Operation(summary = "Deny the code a TV shows: its next poll gets access_denied", description = "Admins only.")
    ResponseEntity<Void> deny(@RequestBody Denial denial) {
        authorizations.deny(denial.userCode());
        return ResponseEntity.noContent().build();
    }
}

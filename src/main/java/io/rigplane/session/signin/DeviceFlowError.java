package io.rigplane.session.signin;

import io.rigplane.system.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An answer of the token endpoint that is not a token: a 400 problem whose {@code error} member
 * is the RFC 8628 §3.5 / RFC 6749 §5.2 code a device client looks at, with
 * {@code error_description} repeating the detail.
 */
public final class DeviceFlowError extends ProblemException {

    private final String error;

    private DeviceFlowError(String error, String title, String detail) {
        super(HttpStatus.BAD_REQUEST, error.replace('_', '-'), title, detail);
        this.error = error;
    }

    static DeviceFlowError pending() {
        return new DeviceFlowError("authorization_pending", "Authorization pending",
                "Nobody has approved this code yet; ask again after the interval");
    }

    static DeviceFlowError slowDown(int interval) {
        return new DeviceFlowError("slow_down", "Slow down",
                "Polled faster than the interval; wait " + interval + " seconds between requests from now on");
    }

    static DeviceFlowError denied() {
        return new DeviceFlowError("access_denied", "Access denied", "An admin denied this sign-in");
    }

    static DeviceFlowError expired() {
        return new DeviceFlowError("expired_token", "Code expired",
                "The device code expired; ask for a new one");
    }

    static DeviceFlowError unknown() {
        return new DeviceFlowError("invalid_grant", "Unknown device code",
                "There is no such device code, or it was exchanged already");
    }

    static DeviceFlowError missing() {
        return new DeviceFlowError("invalid_request", "Device code missing", "deviceCode is required");
    }

    public String error() {
        return error;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("error", error, "error_description", getMessage());
    }
}

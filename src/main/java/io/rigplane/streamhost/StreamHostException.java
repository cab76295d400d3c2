package io.rigplane.streamhost;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The stream host's config API could not do what was asked: unreachable, login refused or missing,
 * an error answer. The message names the host and the call, never a credential.
 */
public class StreamHostException extends ProblemException {

    private final boolean credentialsProblem;

    public StreamHostException(String detail) {
        this("stream-host-unavailable", "Stream host unavailable", detail, false);
    }

    private StreamHostException(String kind, String title, String detail, boolean credentialsProblem) {
        super(HttpStatus.BAD_GATEWAY, kind, title, detail);
        this.credentialsProblem = credentialsProblem;
    }

    public static StreamHostException credentialsRefused(String detail) {
        return new StreamHostException("stream-host-login-refused", "Stream host refused the login", detail, true);
    }

    public static StreamHostException loginMissing(String detail) {
        return new StreamHostException("stream-host-login-missing", "No stream-host login configured", detail, true);
    }

    /** The login is wrong or missing: retrying will not help until someone fixes the settings. */
    public boolean credentialsProblem() {
        return credentialsProblem;
    }
}

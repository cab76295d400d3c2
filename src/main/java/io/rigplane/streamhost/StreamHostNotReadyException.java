package io.rigplane.streamhost;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The stream host did not become ready before the deadline; the message says which step never happened. */
public class StreamHostNotReadyException extends ProblemException {

    public StreamHostNotReadyException(String reason) {
        super(HttpStatus.GATEWAY_TIMEOUT, "stream-host-not-ready", "Stream host not ready", reason);
    }
}

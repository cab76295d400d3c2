package io.rigplane.power.node;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A node was sent its magic packet but did not answer in time, or could not be sent one at all. */
class NodeDidNotWakeException extends ProblemException {

    NodeDidNotWakeException(String detail) {
        super(HttpStatus.GATEWAY_TIMEOUT, "node-did-not-wake", "Node did not wake", detail);
    }
}

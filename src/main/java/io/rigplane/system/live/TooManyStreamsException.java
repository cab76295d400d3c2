package io.rigplane.system.live;

import io.rigplane.system.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** This replica already serves as many streams of this kind as it may; another replica, or later, will do. */
class TooManyStreamsException extends ProblemException {

    static final int RETRY_AFTER_SECONDS = 5;

    TooManyStreamsException(String stream, int max) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", "Too many streams",
                "This replica already serves " + max + " " + stream + " streams; try again shortly, or read the "
                        + "resource without streaming");
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        return headers;
    }
}

package io.rigplane.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** PostgreSQL does not answer (a restart, a failover): the request was fine and will work again. */
class DatabaseUnavailableException extends ProblemException {

    static final int RETRY_AFTER_SECONDS = 5;

    DatabaseUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "Rigplane's database does not answer, so the request may not have been carried out; try again "
                        + "shortly (an operation with the same Idempotency-Key is not done twice)");
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        return headers;
    }
}

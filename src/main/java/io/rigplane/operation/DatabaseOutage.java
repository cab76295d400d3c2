package io.rigplane.operation;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a lost PostgreSQL connection (a restart, a failover, a network cut) under whatever
 * Spring or Hibernate wrapped it in. Handlers are safe to run again, so an operation interrupted by
 * one is resumed instead of failing with an SQL statement as its reason.
 */
final class DatabaseOutage {

    /** Resumptions within one run: with the back-off below, about half a minute of outage. */
    static final int RETRIES = 5;

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
            // SQL state class 08 is a connection exception, 57P an operator intervention (shutdown)
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The driver's own words, without the statement Spring puts in front of them. */
    static String describe(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }

    /** Waits before the next attempt; false when the replica is shutting down and should not retry. */
    static boolean awaitBackoff(int retry) {
        try {
            Thread.sleep(Math.min(10_000L, 1_000L << retry));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.rigplane.system;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a lost PostgreSQL connection (a restart, a failover, a network cut) under whatever
 * Spring or Hibernate wrapped it in: operations resume after one instead of failing with an SQL
 * statement as their reason, and a request that meets one is answered 503, to be tried again.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            // a commit or rollback that fails in JDBC: the connection is gone. The pool answers for a connection
            // it has found broken with an SQLException without a state, and Spring logs the failure that
            // started the rollback instead of chaining it
            if (t instanceof TransactionException && t.getCause() instanceof SQLException) {
                return true;
            }
            // SQL state class 08 is a connection exception, 57P an operator intervention (shutdown)
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The driver's own words, without the statement Spring puts in front of them. */
    public static String describe(Throwable failure) {
        String message = null;
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }

    /** The failure and its causes, each once. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}

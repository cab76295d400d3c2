package io.rigplane.system;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.TransactionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
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
            // not any DataAccessResourceFailureException: Spring files PostgreSQL's resource errors there
            // too, such as 54000 (a program limit exceeded), which fail again however often they are tried
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            // a commit or rollback that fails in JDBC for want of a connection: the pool answers for a
            // connection it has found broken with an SQLException without a state, and Spring logs the
            // failure that started the rollback instead of chaining it
            if (t instanceof TransactionException && t.getCause() instanceof SQLException sql
                    && (sql.getSQLState() == null || connectionLost(sql))) {
                return true;
            }
            if (t instanceof SQLException sql && connectionLost(sql)) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 08 is a connection exception, 57P an operator intervention (a shutdown). */
    private static boolean connectionLost(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
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

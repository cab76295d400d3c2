package io.rigplane.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures of an operation are a lost database connection, worth resuming, and which are not. */
class DatabaseOutageTest {

    @Test
    void aConnectionCutByARestartIsAnOutageWhateverWrapsIt() {
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");

        assertThat(DatabaseOutage.causedBy(new UncategorizedSQLException("select 1", "select 1", shutdown))).isTrue();
        assertThat(DatabaseOutage.causedBy(new JpaSystemException(new RuntimeException("Unable to rollback", refused))))
                .isTrue();
        assertThat(DatabaseOutage.describe(new UncategorizedSQLException("PreparedStatementCallback", "select 1",
                shutdown))).isEqualTo("FATAL: terminating connection due to administrator command");
    }

    @Test
    void aRollbackThatFailsOnAConnectionThePoolFoundBrokenIsAnOutage() {
        // what a step in a transaction throws when PostgreSQL went away under it: the rollback fails on
        // the pool's closed connection, and Spring throws that instead of the failure that started it
        SQLException closed = new SQLException("Connection is closed");
        TransactionException rollback = new TransactionException("Unable to rollback against JDBC Connection", closed);

        assertThat(DatabaseOutage.causedBy(new JpaSystemException(rollback))).isTrue();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("Could not roll back JPA transaction",
                rollback))).isTrue();
        assertThat(DatabaseOutage.describe(new JpaSystemException(rollback))).isEqualTo("Connection is closed");
    }

    @Test
    void aPoolThatTimesOutWaitingForAConnectionIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException("step failed", new SQLTransientConnectionException(
                "rigplane - Connection is not available, request timed out after 30000ms.")))).isTrue();
    }

    @Test
    void aPoolThatCannotConnectIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))).isTrue();
    }

    @Test
    void errorsThatFailAgainHoweverOftenTheyAreTriedAreNotOutages() {
        // Spring files PostgreSQL's resource errors under DataAccessResourceFailureException too
        assertThat(DatabaseOutage.causedBy(new DataAccessResourceFailureException("statement too complex",
                new SQLException("stack depth limit exceeded", "54001")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new JpaSystemException(new TransactionException("commit failed",
                new SQLException("duplicate key value violates unique constraint", "23505"))))).isFalse();
    }

    @Test
    void proxmoxErrorsAndBrokenConstraintsAreNotRetried() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("task qmcreate on srv03 failed"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }
}

package io.github.accounts.persistence.control;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutagesTest {

    @Test
    void aDatabaseOutageIsRecognisedAnywhereInTheCauseChain() {
        assertTrue(Outages.isDatabaseUnavailable(new RuntimeException(new SQLTransientConnectionException("x"))));
        assertTrue(Outages.isDatabaseUnavailable(new IllegalStateException(new SQLException("gone", "08S01"))));
        assertFalse(Outages.isDatabaseUnavailable(new RuntimeException(new SQLException("syntax", "42000"))));
        // a deadlock the database resolved by rolling this transaction back, and MySQL's lock wait timeout
        assertTrue(Outages.isConflictRollback(new RuntimeException(new SQLException("Deadlock found when trying to get lock", "40001", 1213))));
        assertTrue(Outages.isConflictRollback(new RuntimeException(new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertFalse(Outages.isConflictRollback(new RuntimeException(new SQLException("Duplicate entry", "23000", 1062))));
        assertFalse(Outages.isDatabaseUnavailable(new RuntimeException(new SQLException("Deadlock found when trying to get lock", "40001", 1213))));
        assertFalse(Outages.isDatabaseUnavailable(new NullPointerException()));
    }
}

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
        assertFalse(Outages.isDatabaseUnavailable(new NullPointerException()));
    }
}

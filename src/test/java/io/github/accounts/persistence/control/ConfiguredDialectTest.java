package io.github.accounts.persistence.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfiguredDialectTest {

    @Test
    void theDialectFollowsTheUrl() {
        assertEquals(ConfiguredDialect.MYSQL, ConfiguredDialect.dialectFor("jdbc:mysql://db:3306/accounts"));
        assertEquals(ConfiguredDialect.MYSQL, ConfiguredDialect.dialectFor("jdbc:mariadb://db:3306/accounts"));
        assertEquals(ConfiguredDialect.H2, ConfiguredDialect.dialectFor(""));
        assertEquals(ConfiguredDialect.H2, ConfiguredDialect.dialectFor("jdbc:h2:file:/tmp/accounts"));
    }
}

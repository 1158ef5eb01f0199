package io.github.accounts.persistence.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HibernateDefaultsTest {

    @Test
    void theDialectFollowsTheUrl() {
        assertEquals(HibernateDefaults.MYSQL, HibernateDefaults.dialectFor("jdbc:mysql://db:3306/accounts"));
        assertEquals(HibernateDefaults.MYSQL, HibernateDefaults.dialectFor("jdbc:mariadb://db:3306/accounts"));
        assertEquals(HibernateDefaults.H2, HibernateDefaults.dialectFor(""));
        assertEquals(HibernateDefaults.H2, HibernateDefaults.dialectFor("jdbc:h2:file:/tmp/accounts"));
    }
}

package io.github.accounts.persistence.control;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfiguredDataSourceTest {

    @Test
    void withoutDbUrlItIsAnH2FileUnderTheDataDirectory() {
        ConfiguredDataSource dataSource = new ConfiguredDataSource();
        dataSource.setUrl(ConfiguredDataSource.UNSET);
        dataSource.setDataDir("some/dir");
        assertTrue(dataSource.isEmbedded());
        assertEquals("jdbc:h2:file:" + Path.of("some/dir").toAbsolutePath().normalize().resolve("accounts")
                + ConfiguredDataSource.H2_OPTIONS, dataSource.effectiveUrl());
    }

    @Test
    void withDbUrlItIsThatDatabase() {
        ConfiguredDataSource dataSource = new ConfiguredDataSource();
        dataSource.setUrl("jdbc:mysql://db:3306/accounts");
        assertFalse(dataSource.isEmbedded());
        assertEquals("jdbc:mysql://db:3306/accounts", dataSource.effectiveUrl());
    }

    @Test
    void aPlaceholderTheServerDidNotResolveIsNotTakenForAUrl() {
        // WildFly passes Payara's ${MPCONFIG=...} on as written (or as its default): the setting is then read from
        // MicroProfile Config, which has none here
        ConfiguredDataSource dataSource = new ConfiguredDataSource();
        dataSource.setUrl("${MPCONFIG=DB_URL:unset}");
        dataSource.setDataDir("${MPCONFIG=DATA_DIR:unset}");
        assertTrue(dataSource.isEmbedded());
        assertEquals("jdbc:h2:file:" + Path.of("data").toAbsolutePath().normalize().resolve("accounts")
                + ConfiguredDataSource.H2_OPTIONS, dataSource.effectiveUrl());
    }

    @Test
    void passwordsNeverReachTheLog() {
        ConfiguredDataSource dataSource = new ConfiguredDataSource();
        dataSource.setUrl("jdbc:mysql://app:s3cret@db:3306/accounts?password=s3cret&useSSL=true");
        assertFalse(dataSource.describe().contains("s3cret"), dataSource.describe());
    }

    @Test
    void anUnsupportedDatabaseIsAClearError() {
        ConfiguredDataSource dataSource = new ConfiguredDataSource();
        dataSource.setUrl("jdbc:oracle:thin:@db:1521/x");
        SQLException e = assertThrows(SQLException.class, dataSource::getConnection);
        assertTrue(e.getMessage().startsWith("DB_URL must be"), e.getMessage());
    }
}

package io.github.accounts.persistence.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one data source of the service. Its settings come from MicroProfile Config at deployment
 * ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}, {@code DATA_DIR}; environment variables or
 * system properties), pooled by the server, with connections validated so the pool heals by itself
 * after a database outage. At startup it brings the schema up to date with Flyway, before any other
 * bean touches the database.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "io.github.accounts.persistence.control.ConfiguredDataSource",
        url = "${MPCONFIG=DB_URL:" + ConfiguredDataSource.UNSET + "}",
        user = "${MPCONFIG=DB_USER:" + ConfiguredDataSource.UNSET + "}",
        password = "${MPCONFIG=DB_PASSWORD:" + ConfiguredDataSource.UNSET + "}",
        minPoolSize = 0,
        maxPoolSize = 32,
        initialPoolSize = 0,
        maxIdleTime = 300,
        properties = {
                "dataDir=${MPCONFIG=DATA_DIR:data}",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=table",
                "fish.payara.validation-table-name=DUAL",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.statement-timeout-in-seconds=15"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/accounts";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String target = describe();
        LOG.info(() -> "database: " + target);
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // a database that already holds the Flask app's user table has no history yet
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private String describe() {
        try {
            return dataSource.unwrap(ConfiguredDataSource.class).describe();
        } catch (SQLException | RuntimeException e) {
            return "(pooled data source)";
        }
    }
}

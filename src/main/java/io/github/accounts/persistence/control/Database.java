package io.github.accounts.persistence.control;

import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one data source of the service. Its settings come from MicroProfile Config at deployment
 * ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}, {@code DATA_DIR}; environment variables or
 * system properties), pooled by the server, with connections validated so the pool heals by itself
 * after a database outage. At startup it brings the schema up to date with Flyway, before any other
 * bean touches the database. A database that cannot be reached at startup does not stop the node: it starts not
 * ready, tries again every {@value #RETRY_SECONDS} seconds, and once the schema is migrated fires
 * {@link DatabaseReady} so the beans that load at startup load then. Any other migration failure (a broken
 * migration, a schema changed by hand) stops the deployment.
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
                "dataDir=${MPCONFIG=DATA_DIR:" + ConfiguredDataSource.UNSET + "}",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=table",
                "fish.payara.validation-table-name=DUAL",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.statement-timeout-in-seconds=15"
        })
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Database {

    @Inject
    Settings settings;

    public static final String JNDI_NAME = "java:app/jdbc/accounts";
    static final long RETRY_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<DatabaseReady> databaseReady;

    private volatile boolean ready;
    private ScheduledFuture<?> retrying;

    String dataDir;

    @PostConstruct
    void start() {
        dataDir = settings.get(Settings.DATA_DIR);
        DataDirectory.prepare(dataDir);
        LOG.info(() -> "database: " + describe());
        try {
            migrate();
            // the embedded database's files were created just now, with the process umask
            DataDirectory.prepare(dataDir);
            ready = true;
        } catch (RuntimeException e) {
            if (!Outages.isDatabaseUnavailable(e)) {
                throw e;
            }
            LOG.warning(() -> "the database cannot be reached (" + Outages.rootMessage(e) + "); the node starts not ready and tries again every "
                    + RETRY_SECONDS + " s");
            retrying = scheduler.scheduleWithFixedDelay(this::tryAgain, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (retrying != null) {
            retrying.cancel(false);
        }
    }

    /** True once the schema is migrated and what loads at startup has loaded: the node can serve. */
    public boolean isReady() {
        return ready;
    }

    /** Why the database cannot serve now (no connection within the timeout, or an invalid one), or nothing. */
    public Optional<String> problem(int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds) ? Optional.empty() : Optional.of("connection not valid");
        } catch (SQLException | RuntimeException e) {
            return Optional.of("unreachable");
        }
    }

    private void tryAgain() {
        if (ready) {
            return;
        }
        try {
            migrate();
            databaseReady.fire(new DatabaseReady());
            ready = true;
            retrying.cancel(false);
            LOG.info("the database is reachable now; the node is ready");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the database cannot be reached yet", e);
        }
    }

    private void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // a database that already holds the Flask app's user table has no history yet
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "database schema at version "
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private String describe() {
        try {
            return dataSource.unwrap(ConfiguredDataSource.class).describe();
        } catch (SQLException | RuntimeException e) {
            // the server's pool does not unwrap to ours (WildFly): the same settings, read the same way
            return new ConfiguredDataSource().describe();
        }
    }
}

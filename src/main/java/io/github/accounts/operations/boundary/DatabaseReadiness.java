package io.github.accounts.operations.boundary;

import io.github.accounts.persistence.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@code /health/ready}: the node is ready when its schema is migrated and what it loads at startup is loaded (see
 * {@link Database}), and it can reach its database within two seconds.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Database database;

    @Override
    public HealthCheckResponse call() {
        if (!database.isReady()) {
            return HealthCheckResponse.named("database").down().withData("reason", "starting: not reached yet").build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS)
                    ? HealthCheckResponse.up("database")
                    : HealthCheckResponse.named("database").down().withData("reason", "connection not valid").build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("reason", "unreachable").build();
        }
    }
}

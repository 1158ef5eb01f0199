package io.github.accounts.operations.boundary;

import io.github.accounts.persistence.control.Database;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: the node is ready when its schema is migrated and what it loads at startup is loaded (see
 * {@link Database}), and it can reach its database within two seconds. (The check asks {@link Database}, an EJB, rather
 * than the data source itself: servers may run health checks on threads outside the application's naming context,
 * as WildFly does on its management port.)
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @EJB
    Database database;

    @Override
    public HealthCheckResponse call() {
        if (!database.isReady()) {
            return HealthCheckResponse.named("database").down().withData("reason", "starting: not reached yet").build();
        }
        return database.problem(TIMEOUT_SECONDS)
                .map(reason -> HealthCheckResponse.named("database").down().withData("reason", reason).build())
                .orElseGet(() -> HealthCheckResponse.up("database"));
    }
}

package io.github.accounts.operations.boundary;

import io.github.accounts.revocation.boundary.RevocationSync;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: a node with a data grid is ready while the grid runs (and says how many members it has). */
@Readiness
@ApplicationScoped
public class DataGridReadiness implements HealthCheck {

    @EJB
    RevocationSync revocationSync;

    @Override
    public HealthCheckResponse call() {
        return revocationSync.grid()
                .map(grid -> grid.isRunning()
                        ? HealthCheckResponse.named("data-grid").up().withData("members", grid.members()).build()
                        : HealthCheckResponse.named("data-grid").down().build())
                .orElseGet(() -> HealthCheckResponse.named("data-grid").up().withData("members", 0).build());
    }
}

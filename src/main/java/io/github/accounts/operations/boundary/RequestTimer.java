package io.github.accounts.operations.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import io.github.accounts.operations.control.Metrics;

import java.time.Duration;

/** Request latency per endpoint and status class, as the {@code accounts_request} timer of {@code /metrics}. */
@Provider
public class RequestTimer implements ContainerRequestFilter, ContainerResponseFilter {

    static final String STARTED = RequestTimer.class.getName() + ".started";

    @Inject
    Metrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        String endpoint = resource == null || resource.getResourceMethod() == null ? "none"
                : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
        metrics.time("accounts_request", Duration.ofNanos(System.nanoTime() - started),
                "endpoint", endpoint, "status", response.getStatus() / 100 + "xx");
    }
}

package io.github.accounts.web.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code OPTIONS} on an API path answers what HTTP asks of it and nothing more: {@code 204} with {@code Allow}.
 * JAX-RS answers it on its own, with a description of the API in the body (Jersey's WADL, which
 * {@link io.github.accounts.AccountsApplication} also turns off, or a list of methods as text); the body goes.
 * A CORS preflight from an allowed origin never gets here: {@link CorsFilter} answers it.
 */
@Provider
public class OptionsResponses implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() / 100 == 2) {
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.setStatus(204);
        }
    }
}

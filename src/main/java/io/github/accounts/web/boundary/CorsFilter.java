package io.github.accounts.web.boundary;

import io.github.accounts.settings.control.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;

/**
 * Cross-origin access to the API: off unless {@code CORS_ALLOWED_ORIGINS} lists origins (exact matches such as
 * {@code https://app.example.com}). Browsers then may call the API from those origins with a bearer token;
 * no cookies are allowed across origins.
 */
@WebFilter(urlPatterns = "/api/*")
public class CorsFilter extends HttpFilter {

    @Inject
    Settings settings;

    private Set<String> origins;

    @Override
    public void init() {
        origins = Set.copyOf(settings.get(Settings.CORS_ALLOWED_ORIGINS));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || !origins.contains(origin)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.addHeader("Vary", "Origin");
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }
}

package io.github.accounts;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

import java.util.Map;

/**
 * The REST API lives under {@code /api}; tokens are verified by the server's MicroProfile JWT.
 * A CDI bean, so that the server finds {@code @LoginConfig} in an archive with annotated bean discovery.
 * Jersey's WADL (a description of the API at {@code /api/application.wadl} and in answers to {@code OPTIONS})
 * is off: the API is documented, not served to anyone who asks.
 */
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
public class AccountsApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}

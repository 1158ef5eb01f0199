package io.github.accounts.resourceserver;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Another team's service: a separate WAR on its own Payara Micro that trusts the account service's tokens with
 * nothing but standard MicroProfile JWT settings (its JWKS URL and issuer). Built by the SSO test, never shipped.
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
@ApplicationScoped
public class ResourceServerApplication extends Application {
}

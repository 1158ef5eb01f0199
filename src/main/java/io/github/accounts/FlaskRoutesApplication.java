package io.github.accounts;

import io.github.accounts.users.boundary.FlaskRoutesResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The Flask app's routes at {@code /users/…}, with the same providers (errors, request bodies, revocation) as {@code /api}. */
@ApplicationScoped
@ApplicationPath("users")
@DeclareRoles({"user", "admin"})
public class FlaskRoutesApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(AccountsApplication.PROVIDERS);
        classes.add(FlaskRoutesResource.class);
        return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
        return AccountsApplication.PROPERTIES;
    }
}

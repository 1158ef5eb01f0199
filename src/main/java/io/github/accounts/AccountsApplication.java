package io.github.accounts;

import io.github.accounts.admin.boundary.AdminResource;
import io.github.accounts.factors.boundary.FactorsResource;
import io.github.accounts.factors.boundary.SecondFactorPolicy;
import io.github.accounts.factors.boundary.SecondStepResource;
import io.github.accounts.passkeys.boundary.PasskeyLoginResource;
import io.github.accounts.passkeys.boundary.PasskeysResource;
import io.github.accounts.oidc.boundary.ClientsAdminResource;
import io.github.accounts.oidc.boundary.OidcResource;
import io.github.accounts.oidc.control.OidcSettings;
import io.github.accounts.operations.boundary.RequestTimer;
import io.github.accounts.problems.boundary.ConstraintViolationMapper;
import io.github.accounts.web.boundary.JsonRecordReader;
import io.github.accounts.problems.boundary.ProblemExceptionMapper;
import io.github.accounts.problems.boundary.UnexpectedExceptionMapper;
import io.github.accounts.problems.boundary.WebApplicationExceptionMapper;
import io.github.accounts.revocation.boundary.AccessTokenFilter;
import io.github.accounts.sessions.boundary.TokensResource;
import io.github.accounts.tokens.boundary.IntrospectionResource;
import io.github.accounts.users.boundary.UsersResource;
import io.github.accounts.web.boundary.OptionsResponses;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The REST API lives under {@code /api}; tokens are verified by the server's MicroProfile JWT.
 * A CDI bean, so that the server finds {@code @LoginConfig} in an archive with annotated bean discovery.
 * Its classes are listed (a second application, {@link FlaskRoutesApplication}, serves the Flask app's routes at
 * {@code /users}); {@code ApplicationClassesTest} fails when a resource or provider is missing from both.
 * Jersey's WADL (a description of the API at {@code /api/application.wadl} and in answers to {@code OPTIONS})
 * is off: the API is documented, not served to anyone who asks.
 */
@ApplicationScoped
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin", OidcSettings.REGISTRAR})
public class AccountsApplication extends Application {

    /** What every application of the WAR uses: request bodies, problem JSON, the revocation check, metrics. */
    static final Set<Class<?>> PROVIDERS = Set.of(JsonRecordReader.class, ProblemExceptionMapper.class,
            ConstraintViolationMapper.class, WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class,
            AccessTokenFilter.class, SecondFactorPolicy.class, RequestTimer.class, OptionsResponses.class);

    /** Jersey's WADL off, in every application of the WAR. */
    static final Map<String, Object> PROPERTIES = Map.of("jersey.config.server.wadl.disableWadl", true);

    static final Set<Class<?>> RESOURCES = Set.of(UsersResource.class, TokensResource.class, AdminResource.class,
            IntrospectionResource.class, OidcResource.class, ClientsAdminResource.class,
            PasskeysResource.class, PasskeyLoginResource.class, FactorsResource.class, SecondStepResource.class);

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(PROVIDERS);
        classes.addAll(RESOURCES);
        return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
        return PROPERTIES;
    }
}

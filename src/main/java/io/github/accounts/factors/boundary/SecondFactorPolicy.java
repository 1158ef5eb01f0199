package io.github.accounts.factors.boundary;

import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.settings.control.Settings;
import io.github.accounts.tokens.control.TokenIssuer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.List;

/**
 * Where a second factor is required: {@code MFA_REQUIRED_FOR_ADMIN} (on by default) for the admin endpoints and for
 * client registration with an admin's token, {@code MFA_REQUIRED} for every call but those that let a user enrol a
 * factor. A token whose login used none ({@code amr} without {@code mfa}) is refused with 403 naming the reason.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class SecondFactorPolicy implements ContainerRequestFilter {

    /** What a user without a second factor may still do under {@code MFA_REQUIRED}: see, leave, and enrol one. */
    static final List<String> ENROLMENT_PATHS = List.of("users/me/mfa", "users/me/passkeys");
    static final List<String> ALWAYS_OPEN = List.of("users/me", "users/logout", "tokens/refresh", "users/sessions");

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) || usedSecondFactor(token)) {
            return;
        }
        String path = strip(request.getUriInfo().getPath());
        if (settings.get(Settings.MFA_REQUIRED_FOR_ADMIN) && isAdministration(path, token)) {
            request.abortWith(new ProblemException(403, "urn:accounts:problem:mfa-required-for-admin", "Forbidden",
                    "Admin endpoints need a login with a second factor: set one up (POST /api/users/me/mfa/totp, or a passkey)"
                            + " and log in with it").problem().toResponse());
        } else if (settings.get(Settings.MFA_REQUIRED) && !mayEnrol(path)) {
            request.abortWith(new ProblemException(403, "urn:accounts:problem:mfa-enrolment-required", "Forbidden",
                    "This service needs a second factor: set one up (POST /api/users/me/mfa/totp, or a passkey) and log in with it")
                    .problem().toResponse());
        }
    }

    /** An admin's call to an admin endpoint (a user's is refused by its roles anyway). */
    static boolean isAdministration(String path, JsonWebToken token) {
        boolean admin = token.getGroups() != null && token.getGroups().contains("admin");
        return admin && ((path.startsWith("admin/") && !path.equals("admin/bootstrap")) || path.equals("oidc/register"));
    }

    static boolean mayEnrol(String path) {
        return ALWAYS_OPEN.contains(path) || ENROLMENT_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    /** Whether the token's {@code amr} says a second factor was used (a JSON array or a set, whichever store verified it). */
    static boolean usedSecondFactor(JsonWebToken token) {
        Object amr = token.getClaim(TokenIssuer.AMR_CLAIM);
        if (amr instanceof JsonArray array) {
            return array.stream().anyMatch(v -> v instanceof JsonString s && TokenIssuer.MULTI_FACTOR.equals(s.getString()));
        }
        return amr instanceof Collection<?> values && values.contains(TokenIssuer.MULTI_FACTOR);
    }

    private static String strip(String path) {
        String result = path == null ? "" : path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        return result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }
}

package io.github.accounts.tokens.boundary;

import io.github.accounts.tokens.control.KeyRing;
import io.github.accounts.tokens.control.VerifiedToken;
import io.github.accounts.oidc.control.OidcSettings;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;

/**
 * The first identity store MicroProfile JWT's authentication mechanism asks: it vouches for this service's own
 * tokens with the keys in memory ({@link io.github.accounts.tokens.control.TokenVerifier}: MicroProfile JWT's rules,
 * each token verified once), so the server's own store, which re-reads and re-parses the key set for every request
 * and sees a rotated key only when its cache expires, is only asked about tokens this one cannot vouch for.
 */
@ApplicationScoped
public class AccessTokenStore implements IdentityStore {

    /** Before the server's own JWT store. */
    static final int PRIORITY = 10;

    @Inject
    KeyRing keys;

    /** OIDC_REGISTRATION_TOKEN: its bearer may register OpenID Connect clients, and nothing else. */
    @Inject
    OidcSettings oidc;

    private volatile Method tokenAccessor;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        String token = tokenOf(credential);
        if (token == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (oidc.isRegistrationToken(token)) {
            return new CredentialValidationResult(new CallerPrincipal(OidcSettings.REGISTRAR), Set.of(OidcSettings.REGISTRAR));
        }
        return keys.verifier().verify(token)
                .map(verified -> new CredentialValidationResult(verified, verified.getGroups()))
                .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    /** The bearer token of the server's JWT credential (its class is the server's, so it is read reflectively). */
    private String tokenOf(Credential credential) {
        try {
            Method accessor = tokenAccessor;
            if (accessor == null || !accessor.getDeclaringClass().isInstance(credential)) {
                accessor = credential.getClass().getMethod("getSignedJWT");
                tokenAccessor = accessor;
            }
            return accessor.invoke(credential) instanceof String token ? token : null;
        } catch (ReflectiveOperationException | RuntimeException notAJwtCredential) {
            return null;
        }
    }

    /** The groups of a token this store vouched for (the handler asks group providers, not the validating store). */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        if (validationResult.getCallerPrincipal() instanceof VerifiedToken token) {
            return token.getGroups();
        }
        return OidcSettings.REGISTRAR.equals(validationResult.getCallerPrincipal().getName()) ? Set.of(OidcSettings.REGISTRAR) : Set.of();
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}

package io.github.accounts.oidc.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The OpenID Provider's settings, checked at deployment so that a bad value stops the start with a clear message. */
@ApplicationScoped
public class OidcSettings {

    static final int MIN_TOKEN_LENGTH = 32;
    /** The caller and group of a request bearing the registration token: it may register clients, nothing else. */
    public static final String REGISTRAR = "client-registrar";

    @Inject
    @ConfigProperty(name = "OIDC_REGISTRATION_TOKEN")
    Optional<String> registrationToken;

    @Inject
    @ConfigProperty(name = "OIDC_SESSION_TTL", defaultValue = "28800")
    long sessionTtlSeconds;

    void createAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event is what creates the bean; @PostConstruct checks the settings
    }

    @PostConstruct
    void validate() {
        check(registrationToken.filter(t -> !t.isBlank()), sessionTtlSeconds);
    }

    static void check(Optional<String> token, long ttl) {
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("OIDC_REGISTRATION_TOKEN must be at least " + MIN_TOKEN_LENGTH
                    + " characters (openssl rand -base64 32)");
        }
        if (ttl < 60 || ttl > 2_592_000) {
            throw new IllegalStateException("OIDC_SESSION_TTL must be between 60 and 2592000 seconds, not " + ttl);
        }
    }

    /** Whether {@code bearer} is the initial access token for client registration (compared in constant time). */
    public boolean isRegistrationToken(String bearer) {
        return bearer != null && registrationToken.filter(t -> !t.isBlank())
                .map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), bearer.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    public long sessionTtlSeconds() {
        return sessionTtlSeconds;
    }
}

package io.github.accounts.oidc.control;

import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The OpenID Provider's settings, checked at deployment so that a bad value stops the start with a clear message. */
@ApplicationScoped
public class OidcSettings {

    @Inject
    Settings settings;

    /** The caller and group of a request bearing the registration token: it may register clients, nothing else. */
    public static final String REGISTRAR = "client-registrar";

    Optional<String> registrationToken;
    long sessionTtlSeconds;

    @PostConstruct
    void readSettings() {
        registrationToken = settings.get(Settings.OIDC_REGISTRATION_TOKEN);
        sessionTtlSeconds = settings.get(Settings.OIDC_SESSION_TTL).toSeconds();
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

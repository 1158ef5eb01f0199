package io.github.accounts.oidc.control;

import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The OpenID Provider's settings, checked at deployment so that a bad value stops the start with a clear message. */
@ApplicationScoped
public class OidcSettings {

    @Inject
    Settings settings;

    /** The caller and group of a request bearing the registration token: it may register clients, nothing else. */
    public static final String REGISTRAR = "client-registrar";

    Optional<String> registrationToken;
    long sessionTtlSeconds;
    Set<String> resources;

    @PostConstruct
    void readSettings() {
        registrationToken = settings.get(Settings.OIDC_REGISTRATION_TOKEN);
        sessionTtlSeconds = settings.get(Settings.OIDC_SESSION_TTL).toSeconds();
        resources = Set.copyOf(settings.get(Settings.OIDC_RESOURCES));
    }

    /** Whether {@code bearer} is the initial access token for client registration (compared in constant time). */
    public boolean isRegistrationToken(String bearer) {
        return bearer != null && registrationToken.filter(t -> !t.isBlank())
                .map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), bearer.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /** Whether every resource indicator (RFC 8707) asked for names a resource server of {@code OIDC_RESOURCES}. */
    public boolean knowsResources(Collection<URI> requested) {
        return requested.stream().allMatch(uri -> resources.contains(uri.toString()));
    }

    /** The audiences of {@code requested}, without repeats, in the order asked. */
    public static List<String> audiences(Collection<URI> requested) {
        return requested.stream().map(URI::toString).distinct().toList();
    }

    public long sessionTtlSeconds() {
        return sessionTtlSeconds;
    }
}

package io.github.accounts.web.control;

import io.github.accounts.settings.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code PUBLIC_URL}: the address clients reach the service at, the base of every URL it publishes (discovery,
 * links). Never taken from a request's {@code Host} or {@code X-Forwarded-*} headers, which a client chooses. Its
 * rules (an absolute {@code https} URL, plain {@code http} only on a loopback host) and the one that
 * {@code JWT_ISSUER} is that very value are {@link Settings}'.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    Settings settings;

    /** The issuer: the public URL, without a trailing slash. */
    public String issuer() {
        return settings.publicUrl();
    }

    /** The absolute URL of a path of the service, such as {@code /.well-known/jwks.json}. */
    public String of(String path) {
        return settings.publicUrl() + path;
    }

    public boolean isHttps() {
        return settings.publicUrl().startsWith("https:");
    }
}

package io.github.accounts.web.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * {@code PUBLIC_URL}: the address clients reach the service at, the base of every URL it publishes (discovery,
 * links). Never taken from a request's {@code Host} or {@code X-Forwarded-*} headers, which a client chooses. It
 * must be an absolute {@code https} URL; plain {@code http} only on a loopback host, for development.
 * <p>
 * It is also the OpenID Provider's issuer: {@code JWT_ISSUER} defaults to it, and a {@code JWT_ISSUER} set to
 * anything else (another URL, a trailing slash, a plain name) stops the deployment, so that the tokens' {@code iss},
 * the discovery document's {@code issuer} and the place discovery is found at are one value.
 */
@ApplicationScoped
public class PublicUrl {

    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @Inject
    @ConfigProperty(name = "PUBLIC_URL", defaultValue = "http://localhost:8080")
    String setting;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER", defaultValue = "http://localhost:8080")
    String issuerSetting;

    private String base;
    private boolean https;

    /** Created at deployment, so a bad setting stops the start with a clear message. */
    void createAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event is what creates the bean; @PostConstruct checks the setting
    }

    @PostConstruct
    void validate() {
        base = parse(setting);
        https = base.startsWith("https:");
        checkIssuer(issuerSetting, base);
    }

    /** The issuer must be the public URL itself, character for character (no trailing slash). */
    static void checkIssuer(String issuer, String base) {
        if (!base.equals(issuer)) {
            throw new IllegalStateException("JWT_ISSUER '" + issuer + "' cannot be used: the issuer is the public URL "
                    + base + " (set PUBLIC_URL, without a trailing slash; JWT_ISSUER defaults to it)");
        }
    }

    /** The issuer: the public URL, without a trailing slash. */
    public String issuer() {
        return base;
    }

    /** The setting as a base URL without a trailing slash; refuses what may not be published. */
    static String parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalid(value, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(value, "an absolute URL with a host and without user, query or fragment is needed");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK.contains(host) || host.startsWith("127.");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw invalid(value, "it must be https (plain http only on localhost, for development)");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static IllegalStateException invalid(String value, String why) {
        return new IllegalStateException("PUBLIC_URL '" + value + "' cannot be used: " + why);
    }

    /** The absolute URL of a path of the service, such as {@code /.well-known/jwks.json}. */
    public String of(String path) {
        return base + path;
    }

    public boolean isHttps() {
        return https;
    }
}

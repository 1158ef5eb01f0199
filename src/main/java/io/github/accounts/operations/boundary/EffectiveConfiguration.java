package io.github.accounts.operations.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/** At startup, one log line with the effective value of every setting, secrets masked. */
@Singleton
@Startup
public class EffectiveConfiguration {

    static final List<String> SETTINGS = List.of("DATA_DIR", "DB_URL", "DB_USER", "DB_PASSWORD", "JWT_ISSUER",
            "JWT_ACCESS_TTL", "JWT_REFRESH_TTL", "JWT_SIGNING_KEY", "JWT_KEY_ROTATE_AFTER", "JWT_KEY_PUBLISH_AHEAD",
            "PASSWORD_MIN_LENGTH", "PASSWORD_MAX_LENGTH", "PASSWORD_HASH_MEMORY_KIB", "PASSWORD_HASH_ITERATIONS",
            "PASSWORD_HASH_PARALLELISM", "PASSWORD_HASH_WAIT_MILLIS", "LEGACY_PASSWORD_PEPPER", "LOGIN_MAX_FAILURES",
            "LOGIN_ACCOUNT_MAX_FAILURES", "LOGIN_LOCKOUT_SECONDS", "LOGIN_IP_MAX_FAILURES", "INTROSPECTION_IP_MAX_FAILURES",
            "REGISTER_IP_LIMIT", "IPV6_PREFIX_LENGTH", "TRUSTED_PROXIES", "CORS_ALLOWED_ORIGINS", "ADMIN_EMAILS",
            "INTROSPECTION_CLIENTS", "REFRESH_COOKIE_SECURE", "REVOCATION_PULL_MILLIS",
            "PUBLIC_URL", "JWT_AUDIENCE", "ADMIN_BOOTSTRAP_SECRET", "KEY_ENCRYPTION_KEY", "FLASK_ROUTES",
            "SESSION_MAX_LIFETIME", "REFRESH_REUSE_GRACE_SECONDS",
            "MAIL_SMTP_HOST", "MAIL_SMTP_PORT", "MAIL_SMTP_TLS", "MAIL_SMTP_USER", "MAIL_SMTP_PASSWORD", "MAIL_FROM",
            "MAIL_RETRY_SECONDS", "EMAIL_VERIFICATION_TTL", "PASSWORD_RESET_TTL", "PASSWORD_RESET_IP_LIMIT",
            "OIDC_REGISTRATION_TOKEN", "OIDC_SESSION_TTL", "EMAIL_VERIFICATION");
    static final List<String> SECRETS = List.of("DB_PASSWORD", "JWT_SIGNING_KEY", "LEGACY_PASSWORD_PEPPER", "INTROSPECTION_CLIENTS",
            "ADMIN_BOOTSTRAP_SECRET", "KEY_ENCRYPTION_KEY", "MAIL_SMTP_PASSWORD", "OIDC_REGISTRATION_TOKEN");
    private static final Logger LOG = Logger.getLogger(EffectiveConfiguration.class.getName());

    @PostConstruct
    void log() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> effective = new TreeMap<>();
        for (String name : SETTINGS) {
            effective.put(name, config.getOptionalValue(name, String.class).map(value -> shown(name, value)).orElse("(default)"));
        }
        LOG.info(() -> "configuration: " + effective);
    }

    /** What may be shown of a setting: secrets as "***", passwords inside a URL masked. */
    static String shown(String name, String value) {
        if (SECRETS.contains(name)) {
            return value.isEmpty() ? "(empty)" : "***";
        }
        return value.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }
}

package io.github.accounts.settings.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import static io.github.accounts.settings.control.Setting.choice;
import static io.github.accounts.settings.control.Setting.flag;
import static io.github.accounts.settings.control.Setting.integer;
import static io.github.accounts.settings.control.Setting.key;
import static io.github.accounts.settings.control.Setting.list;
import static io.github.accounts.settings.control.Setting.millis;
import static io.github.accounts.settings.control.Setting.optional;
import static io.github.accounts.settings.control.Setting.secret;
import static io.github.accounts.settings.control.Setting.seconds;
import static io.github.accounts.settings.control.Setting.text;

/**
 * Every setting of the service, declared once with its default and its rule, read through MicroProfile Config
 * (environment variables, system properties) and checked all together when the application starts: a value that
 * cannot be used stops the deployment with one message naming every such setting. docs/configuration.md documents
 * exactly these ({@code ConfigurationDocsTest}).
 */
@ApplicationScoped
public class Settings {

    /** The longest password any setting may allow. */
    public static final int PASSWORD_LENGTH_LIMIT = 1024;
    /** OWASP's smallest Argon2id memory (m = 7 MiB with t = 5) and memory × iterations (e.g. m = 19 MiB, t = 2). */
    static final int MIN_HASH_MEMORY_KIB = 7168;
    static final long MIN_HASH_MEMORY_TIME = 35_840;
    static final long TEN_YEARS = 10L * 365 * 86_400;

    // the database
    public static final Setting<String> DATA_DIR = text("DATA_DIR", "data");
    public static final Setting<Optional<String>> DB_URL = optional("DB_URL");
    public static final Setting<Optional<String>> DB_USER = optional("DB_USER");
    public static final Setting<Optional<String>> DB_PASSWORD = secret("DB_PASSWORD", 0, "");

    // the public address and the tokens
    public static final Setting<String> PUBLIC_URL = Setting.publicUrl("PUBLIC_URL", "http://localhost:8080");
    /** Unset: {@link #PUBLIC_URL}; set, it must be that very value. */
    public static final Setting<Optional<String>> JWT_ISSUER = optional("JWT_ISSUER");
    public static final Setting<String> JWT_AUDIENCE = text("JWT_AUDIENCE", "accounts");
    public static final Setting<Duration> JWT_ACCESS_TTL = seconds("JWT_ACCESS_TTL", 900, 10, 86_400);
    public static final Setting<Duration> JWT_REFRESH_TTL = seconds("JWT_REFRESH_TTL", 1_209_600, 60, TEN_YEARS);
    public static final Setting<Duration> SESSION_MAX_LIFETIME = seconds("SESSION_MAX_LIFETIME", 2_592_000, 60, TEN_YEARS);
    public static final Setting<Duration> REFRESH_REUSE_GRACE_SECONDS = seconds("REFRESH_REUSE_GRACE_SECONDS", 5, 0, 60);
    public static final Setting<Duration> JWT_KEY_ROTATE_AFTER = seconds("JWT_KEY_ROTATE_AFTER", 2_592_000, 0, TEN_YEARS);
    public static final Setting<Duration> JWT_KEY_PUBLISH_AHEAD = seconds("JWT_KEY_PUBLISH_AHEAD", 600, 0, 2_592_000);
    public static final Setting<Optional<String>> JWT_SIGNING_KEY = secret("JWT_SIGNING_KEY", 1, "a PEM PRIVATE KEY block");
    public static final Setting<Optional<String>> KEY_ENCRYPTION_KEY = key("KEY_ENCRYPTION_KEY", 32);
    public static final Setting<Boolean> REFRESH_COOKIE_SECURE = flag("REFRESH_COOKIE_SECURE", true);
    public static final Setting<Long> REVOCATION_PULL_MILLIS = millis("REVOCATION_PULL_MILLIS", 250, 50, 3_600_000);

    // admins and other clients
    public static final Setting<List<String>> ADMIN_EMAILS = list("ADMIN_EMAILS", false);
    public static final Setting<Optional<String>> ADMIN_BOOTSTRAP_SECRET = secret("ADMIN_BOOTSTRAP_SECRET", 32, "openssl rand -base64 32");
    public static final Setting<Boolean> FLASK_ROUTES = flag("FLASK_ROUTES", true);
    public static final Setting<List<String>> INTROSPECTION_CLIENTS = list("INTROSPECTION_CLIENTS", true);
    public static final Setting<Optional<String>> OIDC_REGISTRATION_TOKEN = secret("OIDC_REGISTRATION_TOKEN", 32, "openssl rand -base64 32");
    public static final Setting<Duration> OIDC_SESSION_TTL = seconds("OIDC_SESSION_TTL", 28_800, 60, 2_592_000);
    /** The resource servers (RFC 8707 resource indicators, absolute URIs) a client may ask access tokens for. */
    public static final Setting<List<String>> OIDC_RESOURCES = list("OIDC_RESOURCES", false);

    // passwords
    public static final Setting<Integer> PASSWORD_MIN_LENGTH = integer("PASSWORD_MIN_LENGTH", 8, 1, PASSWORD_LENGTH_LIMIT);
    public static final Setting<Integer> PASSWORD_MAX_LENGTH = integer("PASSWORD_MAX_LENGTH", 128, 1, PASSWORD_LENGTH_LIMIT);
    public static final Setting<Integer> PASSWORD_HASH_MEMORY_KIB = integer("PASSWORD_HASH_MEMORY_KIB", 19_456, MIN_HASH_MEMORY_KIB, 4 * 1024 * 1024);
    public static final Setting<Integer> PASSWORD_HASH_ITERATIONS = integer("PASSWORD_HASH_ITERATIONS", 2, 1, 1000);
    public static final Setting<Integer> PASSWORD_HASH_PARALLELISM = integer("PASSWORD_HASH_PARALLELISM", 1, 1, 16);
    public static final Setting<Long> PASSWORD_HASH_WAIT_MILLIS = millis("PASSWORD_HASH_WAIT_MILLIS", 500, 1, 60_000);
    public static final Setting<Optional<String>> LEGACY_PASSWORD_PEPPER = secret("LEGACY_PASSWORD_PEPPER", 1, "the Flask app's pepper");

    // throttling
    public static final Setting<Integer> LOGIN_MAX_FAILURES = integer("LOGIN_MAX_FAILURES", 5, 1, 1_000_000);
    public static final Setting<Integer> LOGIN_ACCOUNT_MAX_FAILURES = integer("LOGIN_ACCOUNT_MAX_FAILURES", 20, 1, 1_000_000);
    public static final Setting<Duration> LOGIN_LOCKOUT_SECONDS = seconds("LOGIN_LOCKOUT_SECONDS", 30, 1, 900);
    public static final Setting<Integer> LOGIN_IP_MAX_FAILURES = integer("LOGIN_IP_MAX_FAILURES", 100, 1, 1_000_000);
    public static final Setting<Integer> INTROSPECTION_IP_MAX_FAILURES = integer("INTROSPECTION_IP_MAX_FAILURES", 20, 1, 1_000_000);
    public static final Setting<Integer> REGISTER_IP_LIMIT = integer("REGISTER_IP_LIMIT", 20, 1, 1_000_000);
    public static final Setting<Integer> PASSWORD_RESET_IP_LIMIT = integer("PASSWORD_RESET_IP_LIMIT", 20, 1, 1_000_000);
    public static final Setting<Integer> IPV6_PREFIX_LENGTH = integer("IPV6_PREFIX_LENGTH", 64, 1, 128);
    public static final Setting<List<String>> TRUSTED_PROXIES = list("TRUSTED_PROXIES", false);
    public static final Setting<List<String>> CORS_ALLOWED_ORIGINS = list("CORS_ALLOWED_ORIGINS", false);

    // mail
    public static final Setting<Optional<String>> MAIL_SMTP_HOST = optional("MAIL_SMTP_HOST");
    public static final Setting<Integer> MAIL_SMTP_PORT = integer("MAIL_SMTP_PORT", 0, 0, 65_535);
    public static final Setting<String> MAIL_SMTP_TLS = choice("MAIL_SMTP_TLS", "starttls", "none", "starttls", "tls");
    public static final Setting<Optional<String>> MAIL_SMTP_USER = optional("MAIL_SMTP_USER");
    public static final Setting<Optional<String>> MAIL_SMTP_PASSWORD = secret("MAIL_SMTP_PASSWORD", 0, "");
    public static final Setting<String> MAIL_FROM = text("MAIL_FROM", "accounts@localhost");
    public static final Setting<Duration> MAIL_RETRY_SECONDS = seconds("MAIL_RETRY_SECONDS", 30, 1, 3600);
    public static final Setting<Duration> EMAIL_VERIFICATION_TTL = seconds("EMAIL_VERIFICATION_TTL", 86_400, 60, 604_800);
    public static final Setting<Duration> PASSWORD_RESET_TTL = seconds("PASSWORD_RESET_TTL", 1800, 60, 86_400);
    /** Unset: {@code required} when mails go out over SMTP, {@code optional} when they go to the log. */
    public static final Setting<Optional<String>> EMAIL_VERIFICATION = Setting.optionalChoice("EMAIL_VERIFICATION", "off", "optional", "required");

    // passkeys (WebAuthn)
    /** Unset: the host of {@link #PUBLIC_URL}; set, every origin's host must be it or end with "." and it. */
    public static final Setting<Optional<String>> WEBAUTHN_RP_ID = optional("WEBAUTHN_RP_ID");
    /** Unset: the origin of {@link #PUBLIC_URL}; each one https (http only on a loopback host), without a path. */
    public static final Setting<List<String>> WEBAUTHN_ORIGINS = list("WEBAUTHN_ORIGINS", false);
    public static final Setting<Duration> WEBAUTHN_CHALLENGE_TTL = seconds("WEBAUTHN_CHALLENGE_TTL", 120, 10, 600);

    // second factors (TOTP)
    /** The issuer an authenticator app shows next to the account (the otpauth URI's issuer). */
    public static final Setting<String> TOTP_ISSUER = text("TOTP_ISSUER", "Accounts");
    /** Admin endpoints refuse a token whose login used no second factor. */
    public static final Setting<Boolean> MFA_REQUIRED_FOR_ADMIN = flag("MFA_REQUIRED_FOR_ADMIN", true);
    /** Every endpoint but the second factor's own (and the profile, logout) refuses a token whose login used none. */
    public static final Setting<Boolean> MFA_REQUIRED = flag("MFA_REQUIRED", false);
    /** How long the mfa_token of a login's password step may finish the login. */
    public static final Setting<Duration> MFA_TOKEN_TTL = seconds("MFA_TOKEN_TTL", 300, 30, 900);

    public static final List<Setting<?>> ALL = List.of(DATA_DIR, DB_URL, DB_USER, DB_PASSWORD,
            PUBLIC_URL, JWT_ISSUER, JWT_AUDIENCE, JWT_ACCESS_TTL, JWT_REFRESH_TTL, SESSION_MAX_LIFETIME,
            REFRESH_REUSE_GRACE_SECONDS, JWT_KEY_ROTATE_AFTER, JWT_KEY_PUBLISH_AHEAD, JWT_SIGNING_KEY, KEY_ENCRYPTION_KEY,
            REFRESH_COOKIE_SECURE, REVOCATION_PULL_MILLIS,
            ADMIN_EMAILS, ADMIN_BOOTSTRAP_SECRET, FLASK_ROUTES, INTROSPECTION_CLIENTS, OIDC_REGISTRATION_TOKEN, OIDC_SESSION_TTL, OIDC_RESOURCES,
            PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_HASH_MEMORY_KIB, PASSWORD_HASH_ITERATIONS,
            PASSWORD_HASH_PARALLELISM, PASSWORD_HASH_WAIT_MILLIS, LEGACY_PASSWORD_PEPPER,
            LOGIN_MAX_FAILURES, LOGIN_ACCOUNT_MAX_FAILURES, LOGIN_LOCKOUT_SECONDS, LOGIN_IP_MAX_FAILURES,
            INTROSPECTION_IP_MAX_FAILURES, REGISTER_IP_LIMIT, PASSWORD_RESET_IP_LIMIT, IPV6_PREFIX_LENGTH, TRUSTED_PROXIES,
            CORS_ALLOWED_ORIGINS,
            MAIL_SMTP_HOST, MAIL_SMTP_PORT, MAIL_SMTP_TLS, MAIL_SMTP_USER, MAIL_SMTP_PASSWORD, MAIL_FROM, MAIL_RETRY_SECONDS,
            EMAIL_VERIFICATION_TTL, PASSWORD_RESET_TTL, EMAIL_VERIFICATION,
            WEBAUTHN_RP_ID, WEBAUTHN_ORIGINS, WEBAUTHN_CHALLENGE_TTL, TOTP_ISSUER, MFA_TOKEN_TTL, MFA_REQUIRED_FOR_ADMIN, MFA_REQUIRED);

    private final Map<Setting<?>, Object> values = new HashMap<>();
    private final Map<Setting<?>, String> given = new HashMap<>();

    /** Read from MicroProfile Config; created at deployment ({@code EffectiveConfiguration}). */
    @PostConstruct
    void read() {
        var config = ConfigProvider.getConfig(Settings.class.getClassLoader());
        load(name -> config.getOptionalValue(name, String.class));
    }

    /** Settings from a map, the rest at their defaults (tests). */
    public static Settings of(Map<String, String> settings) {
        Settings result = new Settings();
        result.load(name -> Optional.ofNullable(settings.get(name)));
        return result;
    }

    void load(Function<String, Optional<String>> source) {
        List<String> problems = new ArrayList<>();
        for (Setting<?> setting : ALL) {
            Optional<String> text = source.apply(setting.name()).filter(value -> !value.isBlank());
            text.ifPresent(value -> given.put(setting, value));
            try {
                values.put(setting, setting.parse(text.orElse(setting.defaultValue())));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            combinations(problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("settings that cannot be used: " + String.join("; ", problems));
        }
    }

    /** The rules that tie settings together. */
    private void combinations(List<String> problems) {
        get(JWT_ISSUER).filter(issuer -> !issuer.equals(get(PUBLIC_URL))).ifPresent(issuer -> problems.add("JWT_ISSUER '"
                + issuer + "' cannot be used: the issuer is the public URL " + get(PUBLIC_URL)
                + " (set PUBLIC_URL, without a trailing slash; JWT_ISSUER defaults to it)"));
        if (get(JWT_AUDIENCE).contains(",")) {
            problems.add("JWT_AUDIENCE must be one value, not '" + get(JWT_AUDIENCE) + "'");
        }
        if (get(PASSWORD_MAX_LENGTH) < get(PASSWORD_MIN_LENGTH)) {
            problems.add("PASSWORD_MAX_LENGTH (" + get(PASSWORD_MAX_LENGTH) + ") must be at least PASSWORD_MIN_LENGTH ("
                    + get(PASSWORD_MIN_LENGTH) + ")");
        }
        if ((long) get(PASSWORD_HASH_MEMORY_KIB) * get(PASSWORD_HASH_ITERATIONS) < MIN_HASH_MEMORY_TIME) {
            problems.add("PASSWORD_HASH_MEMORY_KIB × PASSWORD_HASH_ITERATIONS must be at least OWASP's " + MIN_HASH_MEMORY_TIME
                    + " (e.g. m=19456 t=2, m=7168 t=5), not m=" + get(PASSWORD_HASH_MEMORY_KIB) + " t=" + get(PASSWORD_HASH_ITERATIONS));
        }
        if (get(EMAIL_VERIFICATION).filter("required"::equals).isPresent() && get(MAIL_SMTP_HOST).isEmpty()) {
            problems.add("EMAIL_VERIFICATION=required needs MAIL_SMTP_HOST: without it mails go to the log and nobody could"
                    + " verify an address; set MAIL_SMTP_HOST or EMAIL_VERIFICATION=optional");
        }
        webauthn(problems);
        for (String resource : get(OIDC_RESOURCES)) {
            if (!isResourceIndicator(resource)) {
                problems.add("OIDC_RESOURCES '" + resource + "' cannot be used: a resource server is named by an absolute URI without a fragment (RFC 8707)");
            }
        }
        if (get(LOGIN_ACCOUNT_MAX_FAILURES) < get(LOGIN_MAX_FAILURES)) {
            problems.add("LOGIN_ACCOUNT_MAX_FAILURES (" + get(LOGIN_ACCOUNT_MAX_FAILURES)
                    + ") must be at least LOGIN_MAX_FAILURES (" + get(LOGIN_MAX_FAILURES) + ")");
        }
    }

    static boolean isResourceIndicator(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The WebAuthn relying party's id: {@code WEBAUTHN_RP_ID}, or the host of the public URL. */
    public String webauthnRpId() {
        return get(WEBAUTHN_RP_ID).map(id -> id.toLowerCase(Locale.ROOT)).orElseGet(() -> URI.create(publicUrl()).getHost().toLowerCase(Locale.ROOT));
    }

    /** The origins a WebAuthn ceremony may come from: {@code WEBAUTHN_ORIGINS}, or the public URL's origin. */
    public List<String> webauthnOrigins() {
        List<String> origins = get(WEBAUTHN_ORIGINS);
        if (origins.isEmpty()) {
            URI url = URI.create(publicUrl());
            return List.of(url.getScheme() + "://" + url.getRawAuthority());
        }
        return origins;
    }

    /** Each origin a bare https origin (http on a loopback host) whose host is the RP id or under it. */
    private void webauthn(List<String> problems) {
        String rpId = webauthnRpId();
        for (String origin : webauthnOrigins()) {
            String url;
            try {
                url = Setting.baseUrl("WEBAUTHN_ORIGINS", origin);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                continue;
            }
            URI uri = URI.create(url);
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                problems.add("WEBAUTHN_ORIGINS '" + origin + "' cannot be used: an origin has no path");
                continue;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
                problems.add("WEBAUTHN_RP_ID '" + rpId + "' cannot be used with the origin " + origin
                        + ": the RP id must be the origin's host or a domain it is under");
            }
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /** The public URL: the base of every URL the service publishes, and the tokens' issuer. */
    public String publicUrl() {
        return get(PUBLIC_URL);
    }

    /** The settings that were set, as they may be logged: secrets as "***", passwords inside a URL masked. */
    public Map<String, String> shown() {
        Map<String, String> shown = new TreeMap<>();
        for (Setting<?> setting : ALL) {
            shown.put(setting.name(), Optional.ofNullable(given.get(setting)).map(value -> shown(setting, value)).orElse("(default)"));
        }
        return shown;
    }

    static String shown(Setting<?> setting, String value) {
        if (setting.secret()) {
            return "***";
        }
        return value.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    /** The names and defaults, in declaration order (documentation). */
    public static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        ALL.forEach(setting -> defaults.put(setting.name(), setting.defaultValue()));
        return defaults;
    }
}

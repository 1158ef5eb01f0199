package io.github.accounts.settings.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    static String refusal(Map<String, String> given) {
        return assertThrows(IllegalStateException.class, () -> Settings.of(given)).getMessage();
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        Settings settings = Settings.of(Map.of());
        assertEquals(Duration.ofSeconds(900), settings.get(Settings.JWT_ACCESS_TTL));
        assertEquals("http://localhost:8080", settings.publicUrl());
        assertEquals(Optional.empty(), settings.get(Settings.JWT_ISSUER));
        assertEquals(List.of(), settings.get(Settings.TRUSTED_PROXIES));
        assertEquals(true, settings.get(Settings.REFRESH_COOKIE_SECURE));
        assertEquals("starttls", settings.get(Settings.MAIL_SMTP_TLS));
    }

    @Test
    void givenSettingsAreTypedAndTrimmed() {
        Settings settings = Settings.of(Map.of("JWT_ACCESS_TTL", " 60 ", "CORS_ALLOWED_ORIGINS", "https://a.example, ,https://b.example",
                "MAIL_SMTP_TLS", "TLS", "FLASK_ROUTES", "false", "PUBLIC_URL", "https://login.example.com/"));
        assertEquals(Duration.ofMinutes(1), settings.get(Settings.JWT_ACCESS_TTL));
        assertEquals(List.of("https://a.example", "https://b.example"), settings.get(Settings.CORS_ALLOWED_ORIGINS));
        assertEquals("tls", settings.get(Settings.MAIL_SMTP_TLS));
        assertEquals(false, settings.get(Settings.FLASK_ROUTES));
        assertEquals("https://login.example.com", settings.publicUrl(), "without the trailing slash");
    }

    @Test
    void everyUnusableSettingIsNamedInOneMessage() {
        String refusal = refusal(Map.of("JWT_ACCESS_TTL", "5", "LOGIN_MAX_FAILURES", "many", "FLASK_ROUTES", "yes",
                "MAIL_SMTP_TLS", "ssl"));
        assertTrue(refusal.contains("JWT_ACCESS_TTL must be 10–86400 seconds, not 5"), refusal);
        assertTrue(refusal.contains("LOGIN_MAX_FAILURES must be a whole number, not 'many'"), refusal);
        assertTrue(refusal.contains("FLASK_ROUTES must be true or false"), refusal);
        assertTrue(refusal.contains("MAIL_SMTP_TLS must be none, starttls, tls, not 'ssl'"), refusal);
    }

    @Test
    void thePublicUrlIsHttpsOrLoopbackHttp() {
        assertEquals("http://127.0.0.1:8080", Settings.of(Map.of("PUBLIC_URL", "http://127.0.0.1:8080")).publicUrl());
        assertTrue(refusal(Map.of("PUBLIC_URL", "http://login.example.com")).contains("it must be https"));
        assertTrue(refusal(Map.of("PUBLIC_URL", "accounts")).contains("an absolute URL"));
        assertTrue(refusal(Map.of("PUBLIC_URL", "https://login.example.com/?a=b")).contains("without user, query or fragment"));
        assertTrue(refusal(Map.of("PUBLIC_URL", "https://user@login.example.com")).contains("without user, query or fragment"));
    }

    @Test
    void theIssuerIsThePublicUrlItself() {
        Map<String, String> same = Map.of("PUBLIC_URL", "https://login.example.com", "JWT_ISSUER", "https://login.example.com");
        assertEquals(Optional.of("https://login.example.com"), Settings.of(same).get(Settings.JWT_ISSUER));
        for (String other : List.of("accounts", "https://login.example.com/", "https://other.example.com")) {
            assertTrue(refusal(Map.of("PUBLIC_URL", "https://login.example.com", "JWT_ISSUER", other))
                    .contains("JWT_ISSUER '" + other + "' cannot be used"), other);
        }
    }

    @Test
    void settingsThatBelongTogetherAreCheckedTogether() {
        assertTrue(refusal(Map.of("PASSWORD_MIN_LENGTH", "10", "PASSWORD_MAX_LENGTH", "9")).contains("PASSWORD_MAX_LENGTH (9)"));
        assertTrue(refusal(Map.of("PASSWORD_MAX_LENGTH", "100000")).contains("PASSWORD_MAX_LENGTH must be 1–1024"));
        assertTrue(refusal(Map.of("LOGIN_MAX_FAILURES", "5", "LOGIN_ACCOUNT_MAX_FAILURES", "4")).contains("LOGIN_ACCOUNT_MAX_FAILURES (4)"));
        assertTrue(refusal(Map.of("PASSWORD_HASH_MEMORY_KIB", "7168", "PASSWORD_HASH_ITERATIONS", "4")).contains("OWASP's 35840"));
        assertTrue(refusal(Map.of("PASSWORD_HASH_MEMORY_KIB", "4096", "PASSWORD_HASH_ITERATIONS", "10")).contains("PASSWORD_HASH_MEMORY_KIB must be 7168"));
        assertTrue(refusal(Map.of("JWT_AUDIENCE", "a,b")).contains("JWT_AUDIENCE must be one value"));
        Settings.of(Map.of("PASSWORD_HASH_MEMORY_KIB", "7168", "PASSWORD_HASH_ITERATIONS", "5"));
    }

    @Test
    void secretsMustBeStrongEnough() {
        assertTrue(refusal(Map.of("ADMIN_BOOTSTRAP_SECRET", "short")).contains("ADMIN_BOOTSTRAP_SECRET must be at least 32 characters"));
        assertTrue(refusal(Map.of("OIDC_REGISTRATION_TOKEN", "x".repeat(31))).contains("OIDC_REGISTRATION_TOKEN must be at least 32"));
        assertTrue(refusal(Map.of("KEY_ENCRYPTION_KEY", "c2hvcnQ=")).contains("KEY_ENCRYPTION_KEY must be 32 bytes in base64"));
        assertTrue(refusal(Map.of("KEY_ENCRYPTION_KEY", "not base64!")).contains("KEY_ENCRYPTION_KEY must be base64"));
        String key = "A".repeat(43) + "=";
        assertEquals(Optional.of(key), Settings.of(Map.of("KEY_ENCRYPTION_KEY", key)).get(Settings.KEY_ENCRYPTION_KEY));
    }

    @Test
    void theLogShowsWhatWasSetWithSecretsMasked() {
        Map<String, String> shown = Settings.of(Map.of("DB_PASSWORD", "s3cret", "INTROSPECTION_CLIENTS", "orders:" + "s".repeat(20),
                "DB_URL", "jdbc:mysql://app:s3cret@db:3306/accounts?password=s3cret&useSSL=true", "JWT_AUDIENCE", "orders")).shown();
        assertEquals("***", shown.get("DB_PASSWORD"));
        assertEquals("***", shown.get("INTROSPECTION_CLIENTS"));
        assertEquals("jdbc:mysql://***@db:3306/accounts?password=***&useSSL=true", shown.get("DB_URL"));
        assertEquals("orders", shown.get("JWT_AUDIENCE"));
        assertEquals("(default)", shown.get("JWT_ACCESS_TTL"));
        assertEquals(Settings.ALL.size(), shown.size());
    }

    @Test
    void everySettingIsDeclaredOnce() {
        assertEquals(Settings.ALL.size(), Settings.defaults().size());
    }

    @Test
    void resourceServersAreNamedByAbsoluteUrisWithoutAFragment() {
        assertEquals(java.util.List.of("https://orders.example.com", "urn:billing"),
                Settings.of(Map.of("OIDC_RESOURCES", "https://orders.example.com, urn:billing")).get(Settings.OIDC_RESOURCES));
        assertTrue(refusal(Map.of("OIDC_RESOURCES", "orders")).contains("OIDC_RESOURCES 'orders'"));
        assertTrue(refusal(Map.of("OIDC_RESOURCES", "https://orders.example.com#api")).contains("RFC 8707"));
    }
}

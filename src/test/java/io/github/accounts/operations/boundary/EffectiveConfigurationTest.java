package io.github.accounts.operations.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EffectiveConfigurationTest {

    @Test
    void secretsAreMasked() {
        assertEquals("***", EffectiveConfiguration.shown("DB_PASSWORD", "s3cret"));
        assertEquals("***", EffectiveConfiguration.shown("JWT_SIGNING_KEY", "PEM"));
        assertEquals("***", EffectiveConfiguration.shown("INTROSPECTION_CLIENTS", "orders:s3cret"));
        assertEquals("(empty)", EffectiveConfiguration.shown("DB_PASSWORD", ""));
    }

    @Test
    void passwordsInsideUrlsAreMasked() {
        assertEquals("jdbc:mysql://***@db:3306/accounts?password=***&useSSL=true",
                EffectiveConfiguration.shown("DB_URL", "jdbc:mysql://app:s3cret@db:3306/accounts?password=s3cret&useSSL=true"));
        assertEquals("accounts", EffectiveConfiguration.shown("JWT_ISSUER", "accounts"));
    }
}

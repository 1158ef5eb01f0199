package io.github.accounts.oidc.control;

import io.github.accounts.sessions.control.RefreshTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Client secrets, codes and provider cookies: 256 random bits in base64url, stored as their SHA-256 only (fast
 * hash on purpose: the values are machine-made and long, see docs/security.md), compared in constant time.
 */
public final class Secrets {

    private Secrets() {
    }

    public static String generate() {
        return RefreshTokens.generate();
    }

    public static String hash(String value) {
        return RefreshTokens.hash(value);
    }

    public static boolean matches(String value, String storedHash) {
        if (value == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(value).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}

package io.github.accounts.admin.control;

import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code ADMIN_BOOTSTRAP_SECRET}: the operator's one-time proof that makes a user listed in {@code ADMIN_EMAILS} an
 * admin before that user's email address is verified. It comes from the server's environment, which no remote
 * client can read; each value makes one admin (see {@code AdminBootstrap}).
 */
@ApplicationScoped
public class BootstrapSecret {

    @Inject
    Settings settings;

    Optional<String> setting;

    @PostConstruct
    void readSettings() {
        setting = settings.get(Settings.ADMIN_BOOTSTRAP_SECRET);
    }

    private Optional<String> configured() {
        return setting.map(String::strip).filter(secret -> !secret.isEmpty());
    }

    /** Whether the presented value is the configured secret, compared in constant time. */
    public boolean matches(String presented) {
        return presented != null && configured()
                .map(secret -> MessageDigest.isEqual(sha256(secret), sha256(presented.strip())))
                .orElse(false);
    }

    /** The configured secret's SHA-256, in hex: what is stored once it has been used. */
    public String hash() {
        return HexFormat.of().formatHex(sha256(configured().orElseThrow()));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

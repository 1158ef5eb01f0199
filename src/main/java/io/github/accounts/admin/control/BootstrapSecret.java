package io.github.accounts.admin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    public static final int MIN_LENGTH = 32;

    @Inject
    @ConfigProperty(name = "ADMIN_BOOTSTRAP_SECRET")
    Optional<String> setting;

    /** Created at deployment, so a weak secret stops the start with a clear message. */
    void createAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event is what creates the bean; @PostConstruct checks the setting
    }

    @PostConstruct
    void validate() {
        configured().filter(secret -> secret.length() < MIN_LENGTH).ifPresent(secret -> {
            throw new IllegalStateException("ADMIN_BOOTSTRAP_SECRET must be at least " + MIN_LENGTH
                    + " characters (e.g. openssl rand -base64 32), not " + secret.length());
        });
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

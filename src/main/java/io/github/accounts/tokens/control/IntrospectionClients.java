package io.github.accounts.tokens.control;

import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The clients allowed to introspect tokens, from {@code INTROSPECTION_CLIENTS}: comma-separated {@code id:secret}
 * pairs, where the secret is either the SHA-256 of the real secret ({@code sha256:} and 64 hex digits, so the
 * setting holds nothing a caller could use) or the secret itself, then at least {@value #MIN_PLAINTEXT_LENGTH}
 * characters long. Only digests are kept and compared, in constant time. Checked when the application starts.
 */
@ApplicationScoped
public class IntrospectionClients {

    @Inject
    Settings settings;

    public static final int MIN_PLAINTEXT_LENGTH = 20;
    private static final String HASHED = "sha256:";
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");
    /** Compared against for an unknown client id, so that costs the same as a wrong secret. */
    private static final byte[] NOBODY = sha256("no client has this secret");


    private Map<String, byte[]> digestByClient = Map.of();

    @PostConstruct
    void init() {
        digestByClient = parse(String.join(",", settings.get(Settings.INTROSPECTION_CLIENTS)));
    }

    static Map<String, byte[]> parse(String setting) {
        Map<String, byte[]> clients = new HashMap<>();
        for (String entry : setting.split(",")) {
            String pair = entry.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalStateException("INTROSPECTION_CLIENTS must be id:secret or id:sha256:<hex> pairs separated by commas");
            }
            String id = pair.substring(0, colon);
            String secret = pair.substring(colon + 1);
            if (clients.put(id, digestOf(id, secret)) != null) {
                throw new IllegalStateException("INTROSPECTION_CLIENTS names the client '" + id + "' twice");
            }
        }
        return Map.copyOf(clients);
    }

    private static byte[] digestOf(String id, String secret) {
        if (secret.startsWith(HASHED)) {
            String hex = secret.substring(HASHED.length());
            if (!HEX_DIGEST.matcher(hex).matches()) {
                throw new IllegalStateException("INTROSPECTION_CLIENTS: the secret of '" + id
                        + "' starts with sha256: but is not 64 hex digits (the SHA-256 of the secret, e.g. from sha256sum)");
            }
            return HexFormat.of().parseHex(hex);
        }
        if (secret.codePointCount(0, secret.length()) < MIN_PLAINTEXT_LENGTH) {
            throw new IllegalStateException("INTROSPECTION_CLIENTS: the secret of '" + id + "' is shorter than "
                    + MIN_PLAINTEXT_LENGTH + " characters; use a long random one (openssl rand -base64 32), or give its SHA-256 as sha256:<hex>");
        }
        return sha256(secret);
    }

    /** The ids of the clients allowed to introspect (their secrets checked when this is created). */
    public Set<String> ids() {
        return digestByClient.keySet();
    }

    /** The client id, if {@code secret} is its secret. */
    public Optional<String> authenticate(String id, String secret) {
        byte[] expected = digestByClient.get(id);
        boolean matches = MessageDigest.isEqual(expected == null ? NOBODY : expected, sha256(secret));
        return matches && expected != null ? Optional.of(id) : Optional.empty();
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

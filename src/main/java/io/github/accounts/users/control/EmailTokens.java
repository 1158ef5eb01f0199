package io.github.accounts.users.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of mailed links: 256 random bits in base64url for a link, six digits for a code typed by hand (which
 * dies after {@link #MAX_CODE_ATTEMPTS} wrong tries); stored only as SHA-256 hex.
 */
public final class EmailTokens {

    public static final int MAX_CODE_ATTEMPTS = 5;
    /** The longest token or code a request may carry. */
    public static final int MAX_LENGTH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmailTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares hashes in constant time. */
    public static boolean same(String hashA, String hashB) {
        return hashA != null && hashB != null
                && MessageDigest.isEqual(hashA.getBytes(StandardCharsets.US_ASCII), hashB.getBytes(StandardCharsets.US_ASCII));
    }
}

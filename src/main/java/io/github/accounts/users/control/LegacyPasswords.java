package io.github.accounts.users.control;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Verifies the Flask app's password hashes: passlib's {@code pbkdf2_sha256}, stored as
 * {@code $pbkdf2-sha256$<rounds>$<salt>$<checksum>} in passlib's adapted base64 ('.' for '+', no padding),
 * over the password with the app's pepper appended. PBKDF2 itself is the JDK's.
 */
public final class LegacyPasswords {

    static final String PREFIX = "$pbkdf2-sha256$";
    /** Rounds outside this range are not hashes passlib made; refusing them bounds the work an entry can cause. */
    static final int MAX_ROUNDS = 10_000_000;

    private LegacyPasswords() {
    }

    public static boolean isLegacy(String hash) {
        return hash != null && hash.startsWith(PREFIX);
    }

    public static boolean verify(String hash, String password, String pepper) {
        return parse(hash).map(h -> h.matches(password + pepper)).orElse(false);
    }

    static Optional<Pbkdf2> parse(String hash) {
        if (!isLegacy(hash)) {
            return Optional.empty();
        }
        String[] parts = hash.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            int rounds = Integer.parseInt(parts[0]);
            byte[] salt = adaptedBase64(parts[1]);
            byte[] checksum = adaptedBase64(parts[2]);
            if (rounds < 1 || rounds > MAX_ROUNDS || checksum.length != 32) {
                return Optional.empty();
            }
            return Optional.of(new Pbkdf2(rounds, salt, checksum));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] adaptedBase64(String value) {
        return Base64.getDecoder().decode(value.replace('.', '+'));
    }

    record Pbkdf2(int rounds, byte[] salt, byte[] checksum) {

        boolean matches(String secret) {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, rounds, checksum.length * 8);
            try {
                byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                return MessageDigest.isEqual(checksum, derived);
            } catch (GeneralSecurityException e) {
                return false;
            } finally {
                spec.clearPassword();
            }
        }
    }
}

package io.github.accounts.factors.control;

import org.apache.commons.codec.binary.Base32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app makes them: HMAC-SHA-1 (the JDK's), 6 digits,
 * 30-second steps, a Base32 secret of 160 bits. A code is accepted for the current step and one step either side
 * (clock skew), and only for a step later than the last one accepted, so a code works once.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;
    public static final int SECRET_BYTES = 20;
    static final int SKEW_STEPS = 1;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new secret: 160 random bits in Base32 without padding (32 characters). */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new Base32().encodeAsString(secret).replace("=", "");
    }

    public static long step(long epochSeconds) {
        return Math.floorDiv(epochSeconds, PERIOD_SECONDS);
    }

    /**
     * The step {@code code} belongs to, if it is the code of the current step or one either side, and later than
     * {@code lastStep} (null: none accepted yet); empty otherwise. The candidates are all computed and compared in
     * constant time, so the answer's timing does not tell which step matched.
     */
    public static OptionalLong matchingStep(String secret, String code, long epochSeconds, Long lastStep) {
        String digits = code == null ? "" : code.strip();
        if (digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] key = decode(secret);
        long now = step(epochSeconds);
        long found = -1;
        for (long step = now - SKEW_STEPS; step <= now + SKEW_STEPS; step++) {
            boolean same = MessageDigest.isEqual(code(key, step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII));
            if (same && (lastStep == null || step > lastStep) && found < 0) {
                found = step;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** The code of {@code step} (RFC 4226's dynamic truncation of HMAC-SHA-1 over the step as 8 bytes). */
    static String code(byte[] key, long step) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % POWERS[DIGITS]);
    }

    static byte[] decode(String secret) {
        return new Base32().decode(secret.toUpperCase(Locale.ROOT));
    }

    /** The {@code otpauth://} URI an authenticator app reads from a QR code (Google Authenticator's key URI format). */
    public static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

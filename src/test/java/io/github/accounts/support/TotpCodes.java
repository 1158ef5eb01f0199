package io.github.accounts.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

/**
 * The tests' own TOTP (RFC 6238, SHA-1, 6 digits, 30 s), written apart from the service's and checked against the
 * RFC's vectors ({@code TotpCodesTest}) and Debian's oathtool ({@code OathtoolIT}), so that a test's codes do not
 * come from the code under test.
 */
public final class TotpCodes {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private TotpCodes() {
    }

    /** The code of the step that holds {@code epochSeconds}. */
    public static String at(String base32Secret, long epochSeconds) {
        return hotp(decode(base32Secret), epochSeconds / 30);
    }

    /** The code of the current step. */
    public static String now(String base32Secret) {
        return at(base32Secret, Instant.now().getEpochSecond());
    }

    /** The code of the next step: accepted (one step of skew) after the current one was used. */
    public static String next(String base32Secret) {
        return at(base32Secret, Instant.now().getEpochSecond() + 30);
    }

    static String hotp(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int o = h[19] & 0xf;
            int value = ByteBuffer.wrap(h, o, 4).getInt() & 0x7fffffff;
            return String.format(Locale.ROOT, "%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decode(String base32) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toUpperCase(Locale.ROOT).replace("=", "").toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}

package io.github.accounts.users.control;

import io.github.accounts.users.entity.User;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email syntax and normalization. An address is stored as entered (trimmed, NFC, domain lower-cased)
 * and compared through its key: the whole address lower-cased with the domain in ASCII (IDN), so
 * {@code Bob@Example.org} and {@code bob@example.ORG} are the same account.
 */
public final class EmailAddresses {

    /** The longest address (RFC 5321's 254 characters), stored and compared: the users' email columns. */
    public static final int MAX_LENGTH = User.EMAIL_MAX;
    static final int LOCAL_PART_MAX = 64;
    /** RFC 5322 atext, plus any non-ASCII letter (RFC 6531), in dot-separated atoms. */
    private static final Pattern LOCAL_PART = Pattern.compile("[\\p{L}\\p{N}\\p{M}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}\\p{M}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("(?=.*[a-z])[a-z0-9-]{2,63}");

    private EmailAddresses() {
    }

    /**
     * The address to store and show: trimmed, NFC-normalized, domain lower-cased; empty when the syntax is wrong,
     * or when it or its key (with the domain in ASCII) is longer than {@link #MAX_LENGTH}.
     */
    public static Optional<String> canonical(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String trimmed = Normalizer.normalize(address.strip(), Normalizer.Form.NFC);
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at > LOCAL_PART_MAX || trimmed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL_PART.matcher(local).matches() || asciiDomain(domain).isEmpty()) {
            return Optional.empty();
        }
        String canonical = local + "@" + domain;
        return canonical.length() <= MAX_LENGTH && fullKey(canonical).length() <= MAX_LENGTH ? Optional.of(canonical) : Optional.empty();
    }

    public static boolean isValid(String address) {
        return canonical(address).isPresent();
    }

    /**
     * The comparison key: lower-cased, domain in ASCII; for an address of wrong syntax, just its lower-cased form.
     * It is never longer than {@link #MAX_LENGTH} (normalization, lower-casing and IDN can lengthen an address): a
     * longer one, which no stored address has, is replaced by its SHA-256, which holds no {@code @} and so is no
     * address's key either.
     */
    public static String key(String address) {
        if (address == null) {
            return "";
        }
        String key = fullKey(address);
        return key.length() <= MAX_LENGTH ? key : "sha-256:" + sha256(key);
    }

    /** The comparison key of any length. */
    private static String fullKey(String address) {
        String trimmed = Normalizer.normalize(address.strip(), Normalizer.Form.NFC);
        int at = trimmed.lastIndexOf('@');
        if (at > 0) {
            String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
            String ascii = asciiDomain(domain).orElse(domain);
            return trimmed.substring(0, at).toLowerCase(Locale.ROOT) + "@" + ascii;
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Optional<String> asciiDomain(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches() ? Optional.of(ascii) : Optional.empty();
    }
}

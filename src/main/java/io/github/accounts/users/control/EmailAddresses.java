package io.github.accounts.users.control;

import java.net.IDN;
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

    public static final int MAX_LENGTH = 254;
    static final int LOCAL_PART_MAX = 64;
    /** RFC 5322 atext, plus any non-ASCII letter (RFC 6531), in dot-separated atoms. */
    private static final Pattern LOCAL_PART = Pattern.compile("[\\p{L}\\p{N}\\p{M}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}\\p{M}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("(?=.*[a-z])[a-z0-9-]{2,63}");

    private EmailAddresses() {
    }

    /** The address to store and show: trimmed, NFC-normalized, domain lower-cased; empty when the syntax is wrong. */
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
        return Optional.of(local + "@" + domain);
    }

    public static boolean isValid(String address) {
        return canonical(address).isPresent();
    }

    /** The comparison key: lower-cased, domain in ASCII; for an address of wrong syntax, just its lower-cased form. */
    public static String key(String address) {
        if (address == null) {
            return "";
        }
        String trimmed = Normalizer.normalize(address.strip(), Normalizer.Form.NFC);
        int at = trimmed.lastIndexOf('@');
        if (at > 0) {
            String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
            String ascii = asciiDomain(domain).orElse(domain);
            return trimmed.substring(0, at).toLowerCase(Locale.ROOT) + "@" + ascii;
        }
        return trimmed.toLowerCase(Locale.ROOT);
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

package io.github.accounts.factors.control;

import io.github.accounts.users.control.EmailTokens;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Recovery codes: 10 of them, each 10 characters of a 31-letter alphabet without look-alikes (about 50 random bits),
 * shown as {@code xxxxx-xxxxx}. Stored only as SHA-256: with 50 random bits a code cannot be guessed from its hash,
 * and a slow hash would buy nothing. Typed back in any case, with or without the dash.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    public static List<String> generate() {
        return IntStream.range(0, COUNT).mapToObj(i -> one()).toList();
    }

    private static String one() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Whether a typed code has the form of a recovery code (rather than of a TOTP code). */
    public static boolean looksLikeOne(String typed) {
        String code = normalized(typed);
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** The stored form: SHA-256 in hex of the code in lower case without dash or spaces. */
    public static String hash(String typed) {
        return EmailTokens.hash(normalized(typed));
    }

    static String normalized(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }
}

package io.github.accounts.revocation.control;

/**
 * A UUID string in its canonical form ({@code 8-4-4-4-12} lower-case hex digits, as {@link java.util.UUID#toString()}
 * writes it) as two longs, without the exception {@link java.util.UUID#fromString} throws for anything else: a token
 * check must stay cheap for any {@code jti} a client sends.
 */
final class Uuids {

    private static final int LENGTH = 36;

    private Uuids() {
    }

    static boolean isCanonical(String s) {
        if (s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : digit(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The first 16 hex digits of a canonical UUID. */
    static long high(String uuid) {
        return append(append(append(0, uuid, 0, 8), uuid, 9, 13), uuid, 14, 18);
    }

    /** The last 16 hex digits of a canonical UUID. */
    static long low(String uuid) {
        return append(append(0, uuid, 19, 23), uuid, 24, 36);
    }

    private static long append(long value, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            value = (value << 4) | digit(s.charAt(i));
        }
        return value;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}

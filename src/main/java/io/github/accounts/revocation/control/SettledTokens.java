package io.github.accounts.revocation.control;

import java.util.Arrays;
import java.util.Map;

/**
 * Revoked tokens whose {@code jti} is a UUID (every token this service issues), held compactly: three sorted arrays of
 * longs (the UUID's two halves and the expiry), 24 bytes a token against ~150 for a string key in a concurrent map.
 * Immutable, so it is read without locks; {@link RevocationList} builds a new one when it folds recent entries in.
 */
final class SettledTokens {

    static final SettledTokens EMPTY = new SettledTokens(new long[0], new long[0], new long[0]);

    private final long[] high;
    private final long[] low;
    private final long[] expiry;

    private SettledTokens(long[] high, long[] low, long[] expiry) {
        this.high = high;
        this.low = low;
        this.expiry = expiry;
    }

    int size() {
        return high.length;
    }

    boolean contains(String jti) {
        return jti != null && high.length > 0 && Uuids.isCanonical(jti) && indexOf(Uuids.high(jti), Uuids.low(jti)) >= 0;
    }

    boolean anyExpired(long now) {
        for (long expiresAt : expiry) {
            if (expiresAt <= now) {
                return true;
            }
        }
        return false;
    }

    /** This table's unexpired tokens and those of {@code recent} that are UUIDs (the others are left out). */
    SettledTokens with(Map<String, Long> recent, long now) {
        long[][] rows = new long[high.length + recent.size()][];
        int n = 0;
        for (int i = 0; i < high.length; i++) {
            if (expiry[i] > now) {
                rows[n++] = new long[] {high[i], low[i], expiry[i]};
            }
        }
        for (Map.Entry<String, Long> entry : recent.entrySet()) {
            String jti = entry.getKey();
            if (entry.getValue() > now && Uuids.isCanonical(jti)) {
                rows[n++] = new long[] {Uuids.high(jti), Uuids.low(jti), entry.getValue()};
            }
        }
        long[][] sorted = Arrays.copyOf(rows, n);
        Arrays.sort(sorted, SettledTokens::compare);
        long[] h = new long[n];
        long[] l = new long[n];
        long[] e = new long[n];
        int kept = 0;
        for (long[] row : sorted) {
            if (kept > 0 && h[kept - 1] == row[0] && l[kept - 1] == row[1]) {
                e[kept - 1] = Math.max(e[kept - 1], row[2]);   // the same token from two sources
                continue;
            }
            h[kept] = row[0];
            l[kept] = row[1];
            e[kept] = row[2];
            kept++;
        }
        return new SettledTokens(Arrays.copyOf(h, kept), Arrays.copyOf(l, kept), Arrays.copyOf(e, kept));
    }

    private int indexOf(long h, long l) {
        int from = 0;
        int to = high.length - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            int order = compare(high[middle], low[middle], h, l);
            if (order < 0) {
                from = middle + 1;
            } else if (order > 0) {
                to = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private static int compare(long[] a, long[] b) {
        return compare(a[0], a[1], b[0], b[1]);
    }

    private static int compare(long h1, long l1, long h2, long l2) {
        int order = Long.compare(h1, h2);
        return order != 0 ? order : Long.compare(l1, l2);
    }
}

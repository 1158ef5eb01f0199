package io.github.accounts.tokens.control;

import java.util.List;

/**
 * When signing keys are made, published, used and retired (times in epoch seconds). A new key is published
 * {@code publishAhead} seconds before it signs, so that resource servers caching the JWKS know it in time; a key
 * stays published until the key after it has signed for a whole access-token lifetime (the old key's tokens are
 * dead by then); its private part is deleted once a newer key has signed for {@link #retireAfter()} seconds.
 *
 * @param rotateAfter  rotate when the newest key is this old; 0 never
 * @param publishAhead seconds a new key is published before it signs
 * @param accessTtl    the access-token lifetime
 */
public record KeySchedule(long rotateAfter, long publishAhead, long accessTtl) {

    /** At most one rotation per minute, whatever {@code publishAhead} is, so a stolen admin token cannot flood the JWKS. */
    public static final long MIN_ROTATION_SECONDS = 60;
    /** The least retirement delay: well beyond the clock skew of nodes. */
    public static final long MIN_RETIRE_SECONDS = 30;

    /** When a key made now starts signing. */
    public long activatesAt(long now) {
        return now + publishAhead;
    }

    /** Whether the newest key, made at {@code newestCreatedAt}, is old enough to be replaced on schedule. */
    public boolean rotationDue(long newestCreatedAt, long now) {
        return rotateAfter > 0 && now - newestCreatedAt >= rotateAfter;
    }

    /**
     * Seconds until the next rotation may be made: none while the last rotation's key is still waiting to sign, and
     * at most one per {@value #MIN_ROTATION_SECONDS} seconds. The first key (no rotation yet) may be rotated at once.
     */
    public static long rotationAllowedIn(int keys, long newestActivatesAt, long newestCreatedAt, long now) {
        if (keys < 2) {
            return 0;
        }
        return Math.max(0, Math.max(newestActivatesAt - now, newestCreatedAt + MIN_ROTATION_SECONDS - now));
    }

    /** Whether a key is still published: every newer key that signs has done so for less than a token lifetime. */
    public boolean stillPublished(long activatesAt, List<Long> allActivations, long now) {
        return allActivations.stream()
                .filter(newer -> newer > activatesAt && newer <= now)
                .allMatch(newer -> newer + accessTtl > now);
    }

    /** Whether a key can no longer sign (and so loses its private part): a newer one has signed for the retirement delay. */
    public boolean canNoLongerSign(long activatesAt, List<Long> allActivations, long now) {
        return allActivations.stream().anyMatch(newer -> newer > activatesAt && newer + retireAfter() <= now);
    }

    /** As long as keys are published ahead, at least {@value #MIN_RETIRE_SECONDS} s. */
    public long retireAfter() {
        return Math.max(MIN_RETIRE_SECONDS, publishAhead);
    }
}

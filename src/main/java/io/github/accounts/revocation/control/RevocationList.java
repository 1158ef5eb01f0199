package io.github.accounts.revocation.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live revocation entries in memory, each kept only while it can still matter: a logged-out token until its
 * {@code exp}, an ended session until the last access token issued in it has expired (an access-token lifetime after
 * the end). Thread-safe without locks; every time is in epoch seconds, given by the caller.
 * <p>
 * Tokens are held in two places: recent ones in a concurrent map, and the bulk as {@link SettledTokens} (UUIDs as
 * longs in sorted arrays, a sixth of the memory: 100,000 live revocations took ~15 MB of heap as strings), into which
 * {@link #purge} folds the recent ones and {@link #load} puts what the database holds. A token is in at least one of
 * the two at every moment (the new table is published before the folded entries leave the map).
 */
public class RevocationList {

    private final long accessTtlSeconds;
    private final Map<String, Long> expiryByJti = new ConcurrentHashMap<>();
    private volatile SettledTokens settled = SettledTokens.EMPTY;
    private final Map<String, Long> endedSessions = new ConcurrentHashMap<>();

    public RevocationList(long accessTtlSeconds) {
        this.accessTtlSeconds = accessTtlSeconds;
    }

    /** Whether the token was logged out or its session ended. */
    public boolean contains(String jti, String sid) {
        return (jti != null && (expiryByJti.containsKey(jti) || settled.contains(jti)))
                || (sid != null && endedSessions.containsKey(sid));
    }

    /** Adds a token until its expiry; false when it has expired already or was in the list (nothing to record). */
    public boolean addToken(String jti, long expiresAt, long now) {
        return expiresAt > now && !settled.contains(jti) && expiryByJti.putIfAbsent(jti, expiresAt) == null;
    }

    /**
     * Takes back {@link #addToken} (its transaction did not commit). Should a {@link #purge} have folded the token in
     * between (the two are milliseconds apart, purges minutes), it stays refused until its expiry: the safe side.
     */
    public void removeToken(String jti, long expiresAt) {
        expiryByJti.remove(jti, expiresAt);
    }

    /** Adds a session that ended at {@code endedAt}; the time it is kept until, or -1 when it was in the list. */
    public long addEndedSession(String sid, long endedAt) {
        long until = endedAt + accessTtlSeconds;
        return endedSessions.putIfAbsent(sid, until) == null ? until : -1;
    }

    /** Takes back {@link #addEndedSession} (its transaction did not commit). */
    public void removeEndedSession(String sid, long until) {
        endedSessions.remove(sid, until);
    }

    /**
     * What another node revoked or ended. An ended session is kept for an access-token lifetime from when it ended
     * or from now, whichever is later, so a node whose clock is behind cannot make this one forget it early.
     */
    public void merge(Map<String, Long> revokedTokens, Map<String, Long> sessionsEndedAt, long now) {
        expiryByJti.putAll(revokedTokens);
        sessionsEndedAt.forEach((sid, endedAt) -> endedSessions.merge(sid, Math.max(endedAt, now) + accessTtlSeconds, Math::max));
    }

    /** Loaded from the database: a token with its expiry, a session with when it ended. */
    public void load(Map<String, Long> revokedTokens, Map<String, Long> sessionsEndedAt) {
        synchronized (this) {
            settled = settled.with(revokedTokens, Long.MIN_VALUE);
        }
        revokedTokens.forEach((jti, expiresAt) -> {
            if (!Uuids.isCanonical(jti)) {
                expiryByJti.put(jti, expiresAt);
            }
        });
        sessionsEndedAt.forEach((sid, endedAt) -> endedSessions.merge(sid, endedAt + accessTtlSeconds, Math::max));
    }

    /**
     * Forgets what can no longer matter (expired tokens are refused by their {@code exp} anyway), and folds the recent
     * tokens into the compact table.
     */
    public void purge(long now) {
        expiryByJti.values().removeIf(expiresAt -> expiresAt <= now);
        endedSessions.values().removeIf(until -> until <= now);
        settle(now);
    }

    private synchronized void settle(long now) {
        Map<String, Long> recent = Map.copyOf(expiryByJti);
        if (recent.isEmpty() && !settled.anyExpired(now)) {
            return;   // nothing to fold in or drop: the table stays as it is
        }
        settled = settled.with(recent, now);
        recent.forEach((jti, expiresAt) -> {
            if (settled.contains(jti)) {
                expiryByJti.remove(jti, expiresAt);
            }
        });
    }

    public int size() {
        return tokens() + endedSessions.size();
    }

    public int tokens() {
        return expiryByJti.size() + settled.size();
    }

    public int sessions() {
        return endedSessions.size();
    }
}

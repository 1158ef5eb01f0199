package io.github.accounts.relyingparty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpSession;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The relying party's signed-in sessions by the provider session ({@code sid}) their ID token named, so that a
 * back-channel logout token can end them; and the {@code sid}s ended so, for the test to read.
 */
@ApplicationScoped
public class SignedInSessions {

    private final ConcurrentMap<String, Set<HttpSession>> bySid = new ConcurrentHashMap<>();
    private final List<String> ended = new CopyOnWriteArrayList<>();

    public void remember(String sid, HttpSession session) {
        bySid.computeIfAbsent(sid, key -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** Invalidates every session of provider session {@code sid}: the next request must sign in again. */
    public void end(String sid) {
        Set<HttpSession> sessions = bySid.remove(sid);
        if (sessions != null) {
            for (HttpSession session : sessions) {
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // logged out here before the provider told us
                }
            }
        }
        ended.add(sid);
    }

    public List<String> ended() {
        return List.copyOf(ended);
    }
}

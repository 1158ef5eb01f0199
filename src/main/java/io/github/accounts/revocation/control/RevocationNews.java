package io.github.accounts.revocation.control;

import java.util.Optional;

/**
 * One revocation, as a node tells the others through the data grid: a logged-out token ({@code jti} and its
 * expiry) or an ended session ({@code sid} and when it ended). Sent as a short string, so no node has to load
 * another node's classes to read it.
 */
public record RevocationNews(Kind kind, String id, long time) {

    public enum Kind { TOKEN, SESSION }

    public static RevocationNews token(String jti, long expiresAt) {
        return new RevocationNews(Kind.TOKEN, jti, expiresAt);
    }

    public static RevocationNews session(String sid, long endedAt) {
        return new RevocationNews(Kind.SESSION, sid, endedAt);
    }

    /** {@code t <expiresAt> <jti>} or {@code s <endedAt> <sid>}; the id goes last, so it may hold anything. */
    public String encode() {
        return (kind == Kind.TOKEN ? "t " : "s ") + time + " " + id;
    }

    /** The news in {@code text}, or empty for anything that is not news of ours. */
    public static Optional<RevocationNews> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(" ", 3);
        if (parts.length != 3 || parts[2].isEmpty() || !(parts[0].equals("t") || parts[0].equals("s"))) {
            return Optional.empty();
        }
        try {
            long time = Long.parseLong(parts[1]);
            return Optional.of(new RevocationNews(parts[0].equals("t") ? Kind.TOKEN : Kind.SESSION, parts[2], time));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

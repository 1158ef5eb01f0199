package io.github.accounts.users.boundary;

import io.github.accounts.sessions.entity.UserSession;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/**
 * One live session of {@code GET /api/users/sessions}; {@code current} marks the one of the calling token.
 * {@code expires_at}: when it ends at the latest; {@code idle_expires_at}: when it ends unless refreshed before.
 */
@JsonbPropertyOrder({"id", "createdAt", "lastUsedAt", "expiresAt", "idleExpiresAt", "userAgent", "current"})
public record SessionView(String id, @JsonbProperty("created_at") Instant createdAt,
                          @JsonbProperty("last_used_at") Instant lastUsedAt,
                          @JsonbProperty("expires_at") Instant expiresAt,
                          @JsonbProperty("idle_expires_at") Instant idleExpiresAt,
                          @JsonbProperty("user_agent") String userAgent, boolean current) {

    static SessionView of(UserSession session, String currentId) {
        return new SessionView(session.getId(), Instant.ofEpochSecond(session.getCreatedAt()),
                Instant.ofEpochSecond(session.getLastUsedAt()), Instant.ofEpochSecond(session.getExpiresAt()),
                Instant.ofEpochSecond(session.getRefreshExpiresAt()), session.getUserAgent(), session.getId().equals(currentId));
    }
}

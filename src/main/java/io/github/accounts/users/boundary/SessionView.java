package io.github.accounts.users.boundary;

import io.github.accounts.sessions.entity.UserSession;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** One live session of {@code GET /api/users/sessions}; {@code current} marks the one of the calling token. */
@JsonbPropertyOrder({"id", "createdAt", "lastUsedAt", "userAgent", "current"})
public record SessionView(String id, @JsonbProperty("created_at") Instant createdAt,
                          @JsonbProperty("last_used_at") Instant lastUsedAt,
                          @JsonbProperty("user_agent") String userAgent, boolean current) {

    static SessionView of(UserSession session, String currentId) {
        return new SessionView(session.getId(), Instant.ofEpochSecond(session.getCreatedAt()),
                Instant.ofEpochSecond(session.getLastUsedAt()), session.getUserAgent(), session.getId().equals(currentId));
    }
}

package io.github.accounts.users.boundary;

import io.github.accounts.sessions.entity.UserSession;
import io.github.accounts.users.entity.EmailToken;
import io.github.accounts.users.entity.User;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/users/me/export}: everything the service's database holds about the user (GDPR articles 15 and
 * 20), secrets aside: the password and the mailed tokens are stored only as hashes, which are of no use to anyone
 * and are not shown. The audit log is written to the server's log, not kept in the database, so it is not part of it.
 */
@JsonbPropertyOrder({"exportedAt", "profile", "sessions", "mailedLinks"})
public record AccountData(@JsonbProperty("exported_at") Instant exportedAt, ProfileData profile, List<SessionData> sessions,
                          @JsonbProperty("mailed_links") List<MailedLink> mailedLinks) {

    static AccountData of(User user, List<UserSession> sessions, List<EmailToken> tokens, Instant now) {
        return new AccountData(now, ProfileData.of(user), sessions.stream().map(SessionData::of).toList(),
                tokens.stream().map(MailedLink::of).toList());
    }

    @JsonbPropertyOrder({"id", "username", "email", "emailVerifiedAt", "language", "roles", "createdAt", "updatedAt", "disabledAt"})
    public record ProfileData(long id, String username, String email, @JsonbProperty("email_verified_at") Instant emailVerifiedAt,
                              String language, List<String> roles, @JsonbProperty("created_at") Instant createdAt,
                              @JsonbProperty("updated_at") Instant updatedAt, @JsonbProperty("disabled_at") Instant disabledAt) {

        static ProfileData of(User user) {
            return new ProfileData(user.getId(), user.getUsername(), user.getEmail(), instant(user.getEmailVerifiedAt()),
                    user.getLanguage(), user.groups(), user.getCreatedAt(), user.getUpdatedAt(), instant(user.getDisabledAt()));
        }
    }

    /** A session, live or ended; {@code client_id} for one started through the OpenID Provider. */
    @JsonbPropertyOrder({"id", "createdAt", "lastUsedAt", "endedAt", "userAgent", "clientId", "scope"})
    public record SessionData(String id, @JsonbProperty("created_at") Instant createdAt, @JsonbProperty("last_used_at") Instant lastUsedAt,
                              @JsonbProperty("ended_at") Instant endedAt, @JsonbProperty("user_agent") String userAgent,
                              @JsonbProperty("client_id") String clientId, String scope) {

        static SessionData of(UserSession session) {
            return new SessionData(session.getId(), Instant.ofEpochSecond(session.getCreatedAt()),
                    Instant.ofEpochSecond(session.getLastUsedAt()), instant(session.getEndedAt()), session.getUserAgent(),
                    session.getClientId(), session.getScope());
        }
    }

    /** A mail with a link the service sent (verification, reset, email change): when, what for, and whether used. */
    @JsonbPropertyOrder({"purpose", "address", "createdAt", "expiresAt", "usedAt"})
    public record MailedLink(String purpose, String address, @JsonbProperty("created_at") Instant createdAt,
                             @JsonbProperty("expires_at") Instant expiresAt, @JsonbProperty("used_at") Instant usedAt) {

        static MailedLink of(EmailToken token) {
            return new MailedLink(token.getPurpose(), token.getAddress(), Instant.ofEpochSecond(token.getCreatedAt()),
                    Instant.ofEpochSecond(token.getExpiresAt()), instant(token.getUsedAt()));
        }
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}

package io.github.accounts.users.boundary;

import io.github.accounts.users.entity.User;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import io.github.accounts.tokens.control.TokenIssuer;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Optional;

/** {@code GET /api/users/me}. */
@JsonbPropertyOrder({"id", "username", "email", "createdAt"})
public record Profile(long id, String username, String email, @JsonbProperty("created_at") Instant createdAt) {

    static Profile of(User user) {
        return new Profile(user.getId(), user.getUsername(), user.getEmail(), user.getCreatedAt());
    }

    /**
     * The profile as the token states it, when it carries the profile claims (all tokens this service issues):
     * the profile cannot change while a token lives, so {@code /me} needs no database round trip.
     */
    static Optional<Profile> of(JsonWebToken token) {
        Optional<String> username = token.claim(TokenIssuer.USERNAME_CLAIM);
        Optional<JsonNumber> createdAt = token.claim(TokenIssuer.CREATED_AT_CLAIM);
        if (username.isEmpty() || createdAt.isEmpty() || token.getName() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Profile(Long.parseLong(token.getSubject()), username.get(), token.getName(),
                    Instant.ofEpochSecond(createdAt.get().longValue())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.github.accounts.users.boundary;

import io.github.accounts.users.entity.User;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** {@code GET /api/users/me}. */
@JsonbPropertyOrder({"id", "username", "email", "createdAt"})
public record Profile(long id, String username, String email, @JsonbProperty("created_at") Instant createdAt) {

    static Profile of(User user) {
        return new Profile(user.getId(), user.getUsername(), user.getEmail(), user.getCreatedAt());
    }
}

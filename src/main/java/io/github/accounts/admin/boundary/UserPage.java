package io.github.accounts.admin.boundary;

import io.github.accounts.users.entity.User;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.util.List;

/** One page of users, newest last. */
@JsonbPropertyOrder({"items", "page", "size", "total"})
public record UserPage(List<Entry> items, int page, int size, long total) {

    @JsonbPropertyOrder({"id", "username", "email", "createdAt", "disabled", "roles"})
    public record Entry(long id, String username, String email, @JsonbProperty("created_at") Instant createdAt,
                        boolean disabled, List<String> roles) {

        static Entry of(User user) {
            return new Entry(user.getId(), user.getUsername(), user.getEmail(), user.getCreatedAt(), user.isDisabled(), user.groups());
        }
    }
}

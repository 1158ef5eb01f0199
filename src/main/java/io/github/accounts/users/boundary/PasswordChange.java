package io.github.accounts.users.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/users/me/password}. */
public record PasswordChange(
        @JsonbProperty("current_password")
        @NotEmpty(message = "is required")
        String currentPassword,

        @JsonbProperty("new_password")
        @NotNull(message = "is required")
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}

package io.github.accounts.users.boundary;

import io.github.accounts.users.control.PasswordPolicy;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/users/me/password}. */
public record PasswordChange(
        @JsonbProperty("current_password")
        @NotEmpty(message = "is required")
        @Size(max = PasswordPolicy.MAX_REQUEST_LENGTH, message = "is too long")
        String currentPassword,

        @JsonbProperty("new_password")
        @NotNull(message = "is required")
        @Size(max = PasswordPolicy.MAX_REQUEST_LENGTH, message = "is too long")
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}

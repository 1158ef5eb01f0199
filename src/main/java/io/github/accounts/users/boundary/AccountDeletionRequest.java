package io.github.accounts.users.boundary;

import io.github.accounts.users.control.PasswordPolicy;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** {@code DELETE /api/users/me}: the current password, asked for again. */
public record AccountDeletionRequest(
        @JsonbProperty("current_password")
        @NotEmpty(message = "is required")
        @Size(max = PasswordPolicy.MAX_REQUEST_LENGTH, message = "is too long")
        String currentPassword) {

    @Override
    public String toString() {
        return "AccountDeletionRequest[]";
    }
}

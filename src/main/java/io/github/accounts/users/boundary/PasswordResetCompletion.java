package io.github.accounts.users.boundary;

import io.github.accounts.users.control.EmailTokens;
import io.github.accounts.users.control.PasswordPolicy;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/password-reset/complete}: the token of a reset link and the new password. */
public record PasswordResetCompletion(
        @NotBlank(message = "is required")
        @Size(max = EmailTokens.MAX_LENGTH, message = "must be at most {max} characters")
        String token,

        @JsonbProperty("new_password")
        @NotNull(message = "is required")
        @Size(max = PasswordPolicy.MAX_REQUEST_LENGTH, message = "is too long")
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordResetCompletion[***]";
    }
}

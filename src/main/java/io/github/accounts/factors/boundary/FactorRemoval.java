package io.github.accounts.factors.boundary;

import io.github.accounts.users.control.PasswordPolicy;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** {@code DELETE /api/users/me/mfa/totp}: the password and a current code (or a recovery code). */
public record FactorRemoval(
        @JsonbProperty("current_password")
        @NotEmpty(message = "is required")
        @Size(max = PasswordPolicy.MAX_REQUEST_LENGTH, message = "is too long")
        String currentPassword,

        @NotBlank(message = "is required")
        @Size(max = TotpCode.MAX_LENGTH, message = "must be at most {max} characters")
        String code) {

    @Override
    public String toString() {
        return "FactorRemoval[]";
    }
}

package io.github.accounts.users.boundary;

import io.github.accounts.users.control.EmailTokens;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/email-verification}: the token of a verification link. */
public record VerificationToken(
        @NotBlank(message = "is required")
        @Size(max = EmailTokens.MAX_LENGTH, message = "must be at most {max} characters")
        String token) {

    @Override
    public String toString() {
        return "VerificationToken[***]";
    }
}

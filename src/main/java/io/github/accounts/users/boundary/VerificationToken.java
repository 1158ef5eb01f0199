package io.github.accounts.users.boundary;

import io.github.accounts.users.control.EmailTokens;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token of a mailed link: {@code POST /api/users/email-verification}, {@code …/me/email/confirm} and {@code …/me/email/undo}. */
public record VerificationToken(
        @NotBlank(message = "is required")
        @Size(max = EmailTokens.MAX_LENGTH, message = "must be at most {max} characters")
        String token) {

    @Override
    public String toString() {
        return "VerificationToken[***]";
    }
}

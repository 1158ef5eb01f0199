package io.github.accounts.users.boundary;

import io.github.accounts.users.control.EmailTokens;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/me/email-verification}: the short code of a verification mail. */
public record VerificationCode(
        @NotBlank(message = "is required")
        @Size(max = EmailTokens.MAX_LENGTH, message = "must be at most {max} characters")
        String code) {

    @Override
    public String toString() {
        return "VerificationCode[***]";
    }
}

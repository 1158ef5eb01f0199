package io.github.accounts.users.boundary;

import io.github.accounts.users.control.EmailAddress;
import io.github.accounts.users.control.EmailTokens;
import io.github.accounts.users.entity.User;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/email-verification/code}: the address and the short code of its verification mail. */
public record VerificationByCode(
        @NotBlank(message = "is required")
        @Size(max = User.EMAIL_MAX, message = "must be at most {max} characters")
        @EmailAddress
        String email,

        @NotBlank(message = "is required")
        @Size(max = EmailTokens.MAX_LENGTH, message = "must be at most {max} characters")
        String code) {

    public VerificationByCode {
        email = email == null ? null : email.strip();
    }

    @Override
    public String toString() {
        return "VerificationByCode[email=" + email + ", code=***]";
    }
}

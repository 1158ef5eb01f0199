package io.github.accounts.users.boundary;

import io.github.accounts.users.control.EmailAddress;
import io.github.accounts.users.entity.User;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/email-verification/resend}: the address of an account that cannot log in yet. */
public record VerificationResend(
        @NotBlank(message = "is required")
        @Size(max = User.EMAIL_MAX, message = "must be at most {max} characters")
        @EmailAddress
        String email) {

    public VerificationResend {
        email = email == null ? null : email.strip();
    }
}

package io.github.accounts.users.boundary;

import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.entity.User;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/login}. No syntax check: a stored address of the Flask app's may be of any form. */
public record LoginRequest(
        @NotBlank(message = "is required")
        @Size(max = User.EMAIL_MAX, message = "must be at most {max} characters")
        String email,

        @NotEmpty(message = "is required")
        @Size(max = PasswordPolicy.MAX_REQUEST_LENGTH, message = "is too long")
        String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}

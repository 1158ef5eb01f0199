package io.github.accounts.users.boundary;

import io.github.accounts.users.control.EmailAddress;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.control.Text;
import io.github.accounts.users.entity.User;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/register}. The username is trimmed and NFC-normalized; the password is kept exactly as sent. */
public record RegistrationRequest(
        @NotBlank(message = "is required")
        @Size(max = User.USERNAME_MAX, message = "must be at most {max} characters")
        @Pattern(regexp = "[^\\p{Cntrl}\\u0080-\\u009f\\u2028\\u2029]*", message = "must not contain control characters")
        String username,

        @NotBlank(message = "is required")
        @Size(max = User.EMAIL_MAX, message = "must be at most {max} characters")
        @EmailAddress
        String email,

        @NotNull(message = "is required")
        @Size(max = PasswordPolicy.MAX_REQUEST_LENGTH, message = "is too long")
        String password) {

    public RegistrationRequest {
        username = Text.normalized(username);
        email = email == null ? null : email.strip();
    }

    @Override
    public String toString() {
        return "RegistrationRequest[username=" + username + ", email=" + email + "]";
    }
}

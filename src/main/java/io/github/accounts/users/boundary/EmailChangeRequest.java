package io.github.accounts.users.boundary;

import io.github.accounts.users.control.EmailAddress;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.entity.User;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/users/me/email}. */
public record EmailChangeRequest(
        @JsonbProperty("current_password")
        @NotEmpty(message = "is required")
        @Size(max = PasswordPolicy.MAX_REQUEST_LENGTH, message = "is too long")
        String currentPassword,

        @JsonbProperty("new_email")
        @NotBlank(message = "is required")
        @Size(max = User.EMAIL_MAX, message = "must be at most {max} characters")
        @EmailAddress
        String newEmail) {

    public EmailChangeRequest {
        newEmail = newEmail == null ? null : newEmail.strip();
    }

    @Override
    public String toString() {
        return "EmailChangeRequest[newEmail=" + newEmail + "]";
    }
}

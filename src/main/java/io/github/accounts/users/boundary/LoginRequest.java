package io.github.accounts.users.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/** {@code POST /api/users/login}. */
public record LoginRequest(
        @NotBlank(message = "is required")
        String email,

        @NotEmpty(message = "is required")
        String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}

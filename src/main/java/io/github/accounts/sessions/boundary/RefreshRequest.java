package io.github.accounts.sessions.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tokens/refresh}. */
public record RefreshRequest(
        @JsonbProperty("refresh_token")
        @NotBlank(message = "is required")
        @Size(max = 256, message = "is not a refresh token")
        String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}

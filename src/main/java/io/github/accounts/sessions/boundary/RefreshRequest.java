package io.github.accounts.sessions.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tokens/refresh}; a browser sends {@code {}} and its refresh token in a cookie. */
public record RefreshRequest(
        @JsonbProperty("refresh_token")
        @Size(max = 256, message = "is not a refresh token")
        String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}

package io.github.accounts.sessions.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tokens/refresh}; a browser sends {@code {}} and its refresh token in a cookie. */
public record RefreshRequest(
        @JsonbProperty("refresh_token")
        @Size(max = RefreshRequest.MAX_LENGTH, message = "is not a refresh token")
        String refreshToken) {

    /** Refresh tokens are 43 characters; they are never stored (only their hash), so this just bounds the input. */
    public static final int MAX_LENGTH = 256;

    /** Whether a refresh token from elsewhere (the cookie) is within the same bound. */
    public static boolean fits(String refreshToken) {
        return refreshToken.length() <= MAX_LENGTH;
    }

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}

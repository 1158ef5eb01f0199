package io.github.accounts.sessions.boundary;

import io.github.accounts.users.entity.User;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to a registration or login; field names follow the Flask app's. */
@JsonbPropertyOrder({"result", "accessToken", "tokenType", "expiresIn", "refreshToken", "refreshExpiresIn", "user"})
public record TokenResponse(
        String result,
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("refresh_expires_in") long refreshExpiresIn,
        UserSummary user) {

    /** The tokens as JSON; a browser's refresh token travels in a cookie instead (see {@link RefreshCookie}). */
    public static TokenResponse of(SessionTokens tokens, boolean withRefreshToken) {
        User user = tokens.user();
        return new TokenResponse("success", tokens.access().token(), "Bearer", tokens.access().expiresIn(),
                withRefreshToken ? tokens.refreshToken() : null, tokens.refreshExpiresIn(),
                new UserSummary(user.getId(), user.getUsername(), user.getEmail()));
    }

    @JsonbPropertyOrder({"id", "username", "email"})
    public record UserSummary(long id, String username, String email) {
    }
}

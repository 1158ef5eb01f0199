package io.github.accounts.users.boundary;

import io.github.accounts.tokens.control.TokenIssuer;
import io.github.accounts.users.entity.User;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to a registration or login; field names follow the Flask app's. */
@JsonbPropertyOrder({"result", "accessToken", "tokenType", "expiresIn", "user"})
public record TokenResponse(
        String result,
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        UserSummary user) {

    public static TokenResponse of(TokenIssuer.IssuedToken token) {
        User user = token.user();
        return new TokenResponse("success", token.accessToken(), "Bearer", token.expiresIn(),
                new UserSummary(user.getId(), user.getUsername(), user.getEmail()));
    }

    @JsonbPropertyOrder({"id", "username", "email"})
    public record UserSummary(long id, String username, String email) {
    }
}

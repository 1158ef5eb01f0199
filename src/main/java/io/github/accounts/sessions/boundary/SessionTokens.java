package io.github.accounts.sessions.boundary;

import io.github.accounts.tokens.control.TokenIssuer.AccessToken;
import io.github.accounts.users.entity.User;

/** What a login, a registration or a refresh hands out: an access token and the session's next refresh token. */
public record SessionTokens(AccessToken access, String refreshToken, long refreshExpiresIn, User user) {
}

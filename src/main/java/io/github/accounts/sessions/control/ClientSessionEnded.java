package io.github.accounts.sessions.control;

/**
 * A CDI event, fired inside the transaction that ends a session started for an OpenID Connect client (logout,
 * password change, a disabled user, refresh-token reuse, a replayed code, RP-initiated logout).
 */
public record ClientSessionEnded(String clientId, long userId, String loginSid) {
}

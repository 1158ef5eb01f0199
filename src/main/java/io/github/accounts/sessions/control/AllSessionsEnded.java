package io.github.accounts.sessions.control;

/**
 * A CDI event, fired inside the transaction that ends every (other) session of a user: a password change, an admin
 * disabling the user, a logout of other or all sessions. The OpenID Provider ends the user's browser sign-ins too.
 */
public record AllSessionsEnded(long userId) {
}

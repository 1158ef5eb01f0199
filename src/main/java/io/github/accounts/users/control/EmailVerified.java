package io.github.accounts.users.control;

/** Fired in the transaction that marks a user's address verified (the admin rule listens: see AdminRoles). */
public record EmailVerified(long userId) {
}

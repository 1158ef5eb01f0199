package io.github.accounts.users.control;

/**
 * An account is being erased, in the transaction that erases it: features that keep data of the user's (passkeys,
 * second factors) delete it with the account, so that nothing of the user's outlives it and no package of users
 * needs to know theirs.
 */
public record AccountErased(long userId) {
}

package io.github.accounts.factors.boundary;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * {@code GET /api/users/me/mfa}: whether TOTP is on, how many recovery codes are left, and whether the user has a
 * passkey (which a password login then asks for as its second step too).
 */
public record FactorStatus(boolean totp, @JsonbProperty("recovery_codes_left") long recoveryCodesLeft, boolean passkey) {
}

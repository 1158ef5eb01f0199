package io.github.accounts.factors.boundary;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code GET /api/users/me/mfa}: whether TOTP is on, and how many recovery codes are left. */
public record FactorStatus(boolean totp, @JsonbProperty("recovery_codes_left") long recoveryCodesLeft) {
}

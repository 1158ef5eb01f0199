package io.github.accounts.factors.boundary;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** Recovery codes, shown this once. */
public record RecoveryCodeList(@JsonbProperty("recovery_codes") List<String> recoveryCodes) {
}

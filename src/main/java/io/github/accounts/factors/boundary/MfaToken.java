package io.github.accounts.factors.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/login/mfa/passkey/options}: the password step's token. */
public record MfaToken(
        @JsonbProperty("mfa_token")
        @NotBlank(message = "is required")
        @Size(max = MfaLogin.TOKEN_MAX_LENGTH, message = "must be at most {max} characters")
        String mfaToken) {

    @Override
    public String toString() {
        return "MfaToken[]";
    }
}

package io.github.accounts.factors.boundary;

import io.github.accounts.passkeys.boundary.PasskeyAssertion;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/login/mfa/passkey}: the password step's token and a passkey's assertion. */
public record MfaPasskeyLogin(
        @JsonbProperty("mfa_token")
        @NotBlank(message = "is required")
        @Size(max = MfaLogin.TOKEN_MAX_LENGTH, message = "must be at most {max} characters")
        String mfaToken,

        @NotNull(message = "is required")
        @Valid
        PasskeyAssertion passkey) {

    @Override
    public String toString() {
        return "MfaPasskeyLogin[]";
    }
}

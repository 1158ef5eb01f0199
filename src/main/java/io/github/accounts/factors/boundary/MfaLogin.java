package io.github.accounts.factors.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/login/mfa}: the password step's token and a TOTP or recovery code. */
public record MfaLogin(
        @JsonbProperty("mfa_token")
        @NotBlank(message = "is required")
        @Size(max = MfaLogin.TOKEN_MAX_LENGTH, message = "must be at most {max} characters")
        String mfaToken,

        @NotBlank(message = "is required")
        @Size(max = TotpCode.MAX_LENGTH, message = "must be at most {max} characters")
        String code) {

    static final int TOKEN_MAX_LENGTH = 128;

    @Override
    public String toString() {
        return "MfaLogin[]";
    }
}

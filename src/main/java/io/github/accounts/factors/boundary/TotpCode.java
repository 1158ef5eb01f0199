package io.github.accounts.factors.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A code from the authenticator app (or, where the call says so, a recovery code). */
public record TotpCode(
        @NotBlank(message = "is required")
        @Size(max = TotpCode.MAX_LENGTH, message = "must be at most {max} characters")
        String code) {

    /** Longer than any code of either kind with spaces around it. */
    public static final int MAX_LENGTH = 32;

    @Override
    public String toString() {
        return "TotpCode[]";
    }
}

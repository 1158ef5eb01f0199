package io.github.accounts.passkeys.boundary;

import io.github.accounts.passkeys.entity.Passkey;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/users/me/passkeys/{id}}: the passkey's new name. */
public record PasskeyName(
        @NotBlank(message = "is required")
        @Size(max = Passkey.NAME_MAX, message = "must be at most {max} characters")
        String name) {
}

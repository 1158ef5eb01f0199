package io.github.accounts.passkeys.boundary;

import io.github.accounts.passkeys.entity.Passkey;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/users/me/passkeys}: the authenticator's attestation response ({@code response.clientDataJSON}
 * and {@code response.attestationObject} in base64url), its transports (comma-separated, optional) and a name.
 */
public record PasskeyRegistration(
        @JsonbProperty("client_data_json")
        @NotBlank(message = "is required")
        @Size(max = PasskeyAssertion.CLIENT_DATA_MAX, message = "must be at most {max} characters")
        String clientDataJson,

        @JsonbProperty("attestation_object")
        @NotBlank(message = "is required")
        @Size(max = ATTESTATION_MAX, message = "must be at most {max} characters")
        String attestationObject,

        @Size(max = Passkey.TRANSPORTS_MAX, message = "must be at most {max} characters")
        String transports,

        @Size(max = Passkey.NAME_MAX, message = "must be at most {max} characters")
        String name) {

    /** An attestation object with a certificate chain fits easily. */
    public static final int ATTESTATION_MAX = 16_384;
}

package io.github.accounts.passkeys.boundary;

import io.github.accounts.passkeys.entity.Passkey;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/users/login/passkey}: the authenticator's assertion, every field base64url: the credential's
 * {@code rawId}, and {@code response.clientDataJSON}, {@code authenticatorData}, {@code signature} and
 * {@code userHandle}.
 */
public record PasskeyAssertion(
        @JsonbProperty("credential_id")
        @NotBlank(message = "is required")
        @Size(max = Passkey.CREDENTIAL_ID_MAX, message = "must be at most {max} characters")
        String credentialId,

        @JsonbProperty("client_data_json")
        @NotBlank(message = "is required")
        @Size(max = CLIENT_DATA_MAX, message = "must be at most {max} characters")
        String clientDataJson,

        @JsonbProperty("authenticator_data")
        @NotBlank(message = "is required")
        @Size(max = AUTHENTICATOR_DATA_MAX, message = "must be at most {max} characters")
        String authenticatorData,

        @NotBlank(message = "is required")
        @Size(max = SIGNATURE_MAX, message = "must be at most {max} characters")
        String signature,

        @JsonbProperty("user_handle")
        @NotBlank(message = "is required")
        @Size(max = Passkey.USER_HANDLE_MAX, message = "must be at most {max} characters")
        String userHandle) {

    public static final int CLIENT_DATA_MAX = 4096;
    public static final int AUTHENTICATOR_DATA_MAX = 4096;
    public static final int SIGNATURE_MAX = 2048;
}

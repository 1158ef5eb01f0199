package io.github.accounts.oidc.boundary;

import io.github.accounts.passkeys.boundary.PasskeyAssertion;
import jakarta.ws.rs.FormParam;

/** The passkey fields of the login page's form (filled in by its script); no assertion when there are none. */
public class PasskeyForm {

    @FormParam("credential_id")
    String credentialId;

    @FormParam("client_data_json")
    String clientDataJson;

    @FormParam("authenticator_data")
    String authenticatorData;

    @FormParam("signature")
    String signature;

    @FormParam("user_handle")
    String userHandle;

    PasskeyAssertion assertion() {
        return credentialId == null || credentialId.isEmpty() ? null
                : new PasskeyAssertion(credentialId, clientDataJson, authenticatorData, signature, userHandle);
    }
}

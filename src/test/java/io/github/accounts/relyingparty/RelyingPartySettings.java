package io.github.accounts.relyingparty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relying party's sign-in through the service, as another team would write it with Jakarta Security 3.0 alone:
 * the provider's issuer (its discovery document tells the rest), the client registered there, the callback
 * registered as its redirect URI, and RP-initiated logout that comes back to {@code /signed-out}. The values come
 * from MicroProfile Config through this bean's EL name.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${relyingParty.provider}",
        clientId = "${relyingParty.clientId}",
        clientSecret = "${relyingParty.clientSecret}",
        redirectURI = "${baseURL}/Callback",
        redirectToOriginalResource = true,
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/signed-out"))
@Named("relyingParty")
@ApplicationScoped
public class RelyingPartySettings {

    @Inject
    @ConfigProperty(name = "relying-party.provider")
    String provider;

    @Inject
    @ConfigProperty(name = "relying-party.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "relying-party.client-secret")
    String clientSecret;

    public String getProvider() {
        return provider;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }
}

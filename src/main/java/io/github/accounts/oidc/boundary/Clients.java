package io.github.accounts.oidc.boundary;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformationResponse;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import io.github.accounts.oidc.control.RedirectUris;
import io.github.accounts.oidc.control.Secrets;
import io.github.accounts.oidc.entity.OidcClient;
import io.github.accounts.problems.control.InvalidInputException;
import io.github.accounts.problems.control.ProblemException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The registered clients: RFC 7591 dynamic registration (allowed with the initial access token
 * {@code OIDC_REGISTRATION_TOKEN} or an admin's access token), and the admins' list, update, delete and secret
 * rotation. A client's secret is shown once, at registration or rotation, and kept as a SHA-256 only.
 */
@Stateless
public class Clients {

    static final Set<ClientAuthenticationMethod> METHODS = Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
            ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE);
    static final Set<GrantType> GRANTS = Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS);
    static final int BODY_MAX = 16_384;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;


    /** A registration request: its JSON body, and whether its bearer may register (an admin, the registration token). */
    public record Registration(String body, boolean allowed) {
    }

    public OAuthReply register(Registration registration) {
        if (!registration.allowed()) {
            return new OAuthReply(401, "application/json", "{\"error\":\"invalid_token\"}", null, List.of());
        }
        OIDCClientMetadata metadata;
        try {
            if (registration.body() == null || registration.body().length() > BODY_MAX) {
                throw new ParseException("the body must be a JSON object of at most " + BODY_MAX + " characters");
            }
            metadata = OIDCClientMetadata.parse(JSONObjectUtils.parse(registration.body()));
        } catch (ParseException e) {
            return refusal(RegistrationError.INVALID_CLIENT_METADATA.setDescription(e.getMessage()));
        }
        Optional<ErrorObject> invalid = invalid(metadata);
        if (invalid.isPresent()) {
            return refusal(invalid.get());
        }
        ClientAuthenticationMethod method = metadata.getTokenEndpointAuthMethod() == null
                ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC : metadata.getTokenEndpointAuthMethod();
        String secret = method.equals(ClientAuthenticationMethod.NONE) ? null : Secrets.generate();
        if (secret == null && metadata.getGrantTypes() != null && metadata.getGrantTypes().contains(GrantType.CLIENT_CREDENTIALS)) {
            return refusal(RegistrationError.INVALID_CLIENT_METADATA.setDescription("client_credentials is for confidential clients only"));
        }
        // no grant_types: the code flow and its refresh tokens (which need offline_access all the same)
        List<String> grants = metadata.getGrantTypes() == null ? List.of(GrantType.AUTHORIZATION_CODE.getValue(), GrantType.REFRESH_TOKEN.getValue())
                : metadata.getGrantTypes().stream().map(GrantType::getValue).sorted().toList();
        OidcClient client = new OidcClient(UUID.randomUUID().toString(), method.getValue(), secret == null ? null : Secrets.hash(secret),
                metadata.getName(), metadata.getRedirectionURIs().stream().map(URI::toString).toList(), grants, now());
        if (metadata.getBackChannelLogoutURI() != null) {
            client.setBackChannelLogoutUri(metadata.getBackChannelLogoutURI().toString());
        }
        if (metadata.getPostLogoutRedirectionURIs() != null) {
            client.allowLogoutRedirects(metadata.getPostLogoutRedirectionURIs().stream().map(URI::toString).toList());
        }
        em.persist(client);
        em.flush();
        return OAuthReply.of(new OIDCClientInformationResponse(information(client, secret), true).toHTTPResponse());
    }

    /** What this provider cannot serve: another response type or grant, an unknown auth method, a bad redirect URI. */
    static Optional<ErrorObject> invalid(OIDCClientMetadata metadata) {
        Set<URI> uris = metadata.getRedirectionURIs();
        if (uris == null || uris.isEmpty()) {
            return Optional.of(RegistrationError.INVALID_REDIRECT_URI.setDescription("redirect_uris is required"));
        }
        int total = 0;
        for (URI uri : uris) {
            String text = uri.toString();
            total += text.length() + 1;
            Optional<String> refusal = text.length() > OidcClient.REDIRECT_URI_MAX
                    ? Optional.of("a redirect URI is longer than " + OidcClient.REDIRECT_URI_MAX) : RedirectUris.refusal(text);
            if (refusal.isPresent()) {
                return Optional.of(RegistrationError.INVALID_REDIRECT_URI.setDescription(refusal.get()));
            }
        }
        Set<URI> logoutUris = metadata.getPostLogoutRedirectionURIs() == null ? Set.of() : metadata.getPostLogoutRedirectionURIs();
        int logoutTotal = 0;
        for (URI uri : logoutUris) {
            logoutTotal += uri.toString().length() + 1;
            Optional<String> refusal = RedirectUris.refusal(uri.toString());
            if (refusal.isPresent()) {
                return Optional.of(RegistrationError.INVALID_CLIENT_METADATA.setDescription("post_logout_redirect_uris: " + refusal.get()));
            }
        }
        URI backChannel = metadata.getBackChannelLogoutURI();
        if (backChannel != null && (backChannel.toString().length() > OidcClient.REDIRECT_URI_MAX
                || RedirectUris.refusal(backChannel.toString()).isPresent() || !backChannel.getScheme().startsWith("http"))) {
            return Optional.of(RegistrationError.INVALID_CLIENT_METADATA.setDescription("backchannel_logout_uri must be https (http on loopback)"));
        }
        if (total > OidcClient.REDIRECT_URIS_MAX || logoutTotal > OidcClient.REDIRECT_URIS_MAX) {
            return Optional.of(RegistrationError.INVALID_REDIRECT_URI.setDescription("too many redirect URIs"));
        }
        if (metadata.getTokenEndpointAuthMethod() != null && !METHODS.contains(metadata.getTokenEndpointAuthMethod())) {
            return Optional.of(RegistrationError.INVALID_CLIENT_METADATA.setDescription("token_endpoint_auth_method must be client_secret_basic, client_secret_post or none"));
        }
        if (metadata.getGrantTypes() != null && !GRANTS.containsAll(metadata.getGrantTypes())) {
            return Optional.of(RegistrationError.INVALID_CLIENT_METADATA.setDescription("grant_types may be authorization_code, refresh_token and client_credentials"));
        }
        if (metadata.getResponseTypes() != null && !Set.of(ResponseType.CODE).containsAll(metadata.getResponseTypes())) {
            return Optional.of(RegistrationError.INVALID_CLIENT_METADATA.setDescription("response_types may only be code"));
        }
        if (metadata.getName() != null && metadata.getName().length() > OidcClient.NAME_MAX) {
            return Optional.of(RegistrationError.INVALID_CLIENT_METADATA.setDescription("client_name is longer than " + OidcClient.NAME_MAX));
        }
        return Optional.empty();
    }

    private static OAuthReply refusal(ErrorObject error) {
        return OAuthReply.of(new ClientRegistrationErrorResponse(error).toHTTPResponse());
    }

    /** The client as RFC 7591 shows it; {@code secret} only when just made. */
    private static OIDCClientInformation information(OidcClient client, String secret) {
        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURIs(new LinkedHashSet<>(client.getRedirectUris().stream().map(URI::create).toList()));
        metadata.setName(client.getName());
        if (client.getBackChannelLogoutUri() != null) {
            metadata.setBackChannelLogoutURI(URI.create(client.getBackChannelLogoutUri()));
            metadata.requiresBackChannelLogoutSession(true);
        }
        if (!client.getPostLogoutRedirectUris().isEmpty()) {
            metadata.setPostLogoutRedirectionURIs(new LinkedHashSet<>(client.getPostLogoutRedirectUris().stream().map(URI::create).toList()));
        }
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.parse(client.getAuthMethod()));
        metadata.setGrantTypes(new LinkedHashSet<>(client.getGrantTypes().stream().map(GrantType::new).toList()));
        metadata.setResponseTypes(Set.of(ResponseType.CODE));
        return new OIDCClientInformation(new ClientID(client.getClientId()), new Date(client.getCreatedAt() * 1000),
                metadata, secret == null ? null : new Secret(secret));
    }

    /** The confidential client with this id and secret (introspection callers may be registered clients too). */
    public Optional<String> confidential(String clientId, String secret) {
        OidcClient client = clientId.length() > OidcClient.CLIENT_ID_MAX ? null : em.find(OidcClient.class, clientId);
        return client != null && !client.isPublic() && Secrets.matches(secret, client.getSecretHash())
                ? Optional.of(client.getClientId()) : Optional.empty();
    }

    /** The admins' view: every client, without secrets. */
    public String list() {
        StringBuilder json = new StringBuilder("[");
        for (OidcClient client : em.createNamedQuery(OidcClient.ALL, OidcClient.class).getResultList()) {
            json.append(json.length() > 1 ? "," : "").append(information(client, null).toJSONObject().toJSONString());
        }
        return json.append(']').toString();
    }

    /**
     * An admin's update (RFC 7592's shape: the client's metadata in full): its name and redirect URIs change; its
     * authentication method and grants stay as registered. Invalid metadata is a 400 problem.
     */
    public String update(String clientId, String body) {
        OidcClient client = find(clientId);
        OIDCClientMetadata metadata;
        try {
            if (body == null || body.length() > BODY_MAX) {
                throw new ParseException("the body must be a JSON object of at most " + BODY_MAX + " characters");
            }
            metadata = OIDCClientMetadata.parse(JSONObjectUtils.parse(body));
        } catch (ParseException e) {
            throw new InvalidInputException("Invalid client metadata: " + e.getMessage());
        }
        Optional<ErrorObject> invalid = invalid(metadata);
        if (invalid.isPresent()) {
            throw new InvalidInputException(invalid.get().getDescription());
        }
        client.update(metadata.getName(), metadata.getRedirectionURIs().stream().map(URI::toString).toList());
        client.allowLogoutRedirects(metadata.getPostLogoutRedirectionURIs() == null ? List.of()
                : metadata.getPostLogoutRedirectionURIs().stream().map(URI::toString).toList());
        return information(client, null).toJSONObject().toJSONString();
    }

    /** A new secret for a confidential client; the old one stops working at once. */
    public String rotateSecret(String clientId) {
        OidcClient client = find(clientId);
        if (client.isPublic()) {
            throw new ProblemException(409, "urn:accounts:problem:public-client", "Conflict", "A public client has no secret");
        }
        String secret = Secrets.generate();
        client.setSecretHash(Secrets.hash(secret));
        return information(client, secret).toJSONObject().toJSONString();
    }

    public void delete(String clientId) {
        em.remove(find(clientId));
    }

    private OidcClient find(String clientId) {
        OidcClient client = clientId == null || clientId.length() > OidcClient.CLIENT_ID_MAX ? null : em.find(OidcClient.class, clientId);
        if (client == null) {
            throw new ProblemException(404, "urn:accounts:problem:unknown-client", "Not Found", "No such client");
        }
        return client;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}

package io.github.accounts.oidc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;

/**
 * A registered OpenID Connect client: confidential ({@code client_secret_basic} or {@code client_secret_post}, its
 * secret kept as a SHA-256 only) or public ({@code none}, PKCE required). Redirect URIs are matched exactly.
 */
@Entity
@Table(name = "oidc_client")
@NamedQuery(name = OidcClient.ALL, query = "SELECT c FROM OidcClient c ORDER BY c.createdAt, c.clientId")
public class OidcClient {

    public static final String ALL = "OidcClient.all";
    public static final int CLIENT_ID_MAX = 64;
    public static final int NAME_MAX = 128;
    /** All redirect URIs together, separated by spaces (a URI holds none). */
    public static final int REDIRECT_URIS_MAX = 4000;
    public static final int REDIRECT_URI_MAX = 2000;
    public static final String PUBLIC = "none";

    @Id
    @Column(name = "client_id", length = CLIENT_ID_MAX)
    private String clientId;

    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    @Column(name = "auth_method", length = 32, nullable = false)
    private String authMethod;

    @Column(name = "client_name", length = NAME_MAX)
    private String name;

    @Column(name = "redirect_uris", length = REDIRECT_URIS_MAX, nullable = false)
    private String redirectUris;

    /** The grants the client registered, separated by spaces. */
    @Column(name = "grant_types", length = 255, nullable = false)
    private String grantTypes;

    /** Where RP-initiated logout may send the browser afterwards, separated by spaces; null: nowhere. */
    @Column(name = "post_logout_redirect_uris", length = REDIRECT_URIS_MAX)
    private String postLogoutRedirectUris;

    /** Where this provider posts a logout token when one of the client's sessions ends; null: nowhere. */
    @Column(name = "backchannel_logout_uri", length = REDIRECT_URI_MAX)
    private String backChannelLogoutUri;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected OidcClient() {
    }

    public OidcClient(String clientId, String authMethod, String secretHash, String name, List<String> redirectUris,
                      List<String> grantTypes, long now) {
        this.grantTypes = String.join(" ", grantTypes);
        this.clientId = clientId;
        this.authMethod = authMethod;
        this.secretHash = secretHash;
        this.name = name;
        this.redirectUris = String.join(" ", redirectUris);
        this.createdAt = now;
    }

    public boolean isPublic() {
        return PUBLIC.equals(authMethod);
    }

    public String getClientId() {
        return clientId;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }

    public String getAuthMethod() {
        return authMethod;
    }

    public String getName() {
        return name;
    }

    public void update(String name, List<String> redirectUris) {
        this.name = name;
        this.redirectUris = String.join(" ", redirectUris);
    }

    public List<String> getRedirectUris() {
        return Arrays.asList(redirectUris.split(" "));
    }

    public void allowLogoutRedirects(List<String> uris) {
        postLogoutRedirectUris = uris.isEmpty() ? null : String.join(" ", uris);
    }

    public List<String> getPostLogoutRedirectUris() {
        return postLogoutRedirectUris == null ? List.of() : Arrays.asList(postLogoutRedirectUris.split(" "));
    }

    public String getBackChannelLogoutUri() {
        return backChannelLogoutUri;
    }

    public void setBackChannelLogoutUri(String uri) {
        this.backChannelLogoutUri = uri;
    }

    public List<String> getGrantTypes() {
        return Arrays.asList(grantTypes.split(" "));
    }

    public boolean mayUse(String grantType) {
        return getGrantTypes().contains(grantType);
    }

    public long getCreatedAt() {
        return createdAt;
    }
}

package io.github.accounts.oidc.boundary;

import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import io.github.accounts.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Set;

/** The userinfo endpoint (OpenID Connect Core 5.3): {@code sub}, and the claims of the scopes the token was granted. */
@Stateless
public class UserInfoEndpoint {

    @PersistenceContext
    EntityManager em;

    /** The caller's claims, or a 401 reply when the token is not an OpenID Connect client's or its user is gone. */
    public OAuthReply claims(String subject, String scope) {
        Set<String> scopes = scope == null ? Set.of() : Set.of(scope.split(" "));
        User user = subject == null || !scopes.contains("openid") ? null : em.find(User.class, Long.valueOf(subject));
        if (user == null || user.isDisabled()) {
            return new OAuthReply(401, "application/json", "{\"error\":\"invalid_token\"}", null, List.of());
        }
        UserInfo info = new UserInfo(new Subject(subject));
        if (scopes.contains("profile")) {
            info.setPreferredUsername(user.getUsername());
            info.setName(user.getUsername());
        }
        if (scopes.contains("email")) {
            info.setEmailAddress(user.getEmail());
        }
        return OAuthReply.json(200, info.toJSONObject().toJSONString());
    }
}

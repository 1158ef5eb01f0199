package io.github.accounts.oidc.boundary;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import io.github.accounts.oidc.control.LoginPage;
import io.github.accounts.oidc.control.ProviderCookies;
import io.github.accounts.oidc.control.Secrets;
import io.github.accounts.oidc.entity.OidcClient;
import io.github.accounts.oidc.entity.ProviderLogin;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.tokens.control.KeyRing;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) at {@code end_session_endpoint}: with an
 * {@code id_token_hint} this provider signed (expired ones too), the provider session it names — and the browser's,
 * by its cookie — ends, with every client session started from it; then the browser goes to the
 * {@code post_logout_redirect_uri} if the hint's client registered it exactly (with {@code state}), or sees a
 * signed-out page. Without a valid hint, or with an unregistered URI, an error page: never a redirect.
 */
@Stateless
public class Logout {

    static final int QUERY_MAX = 16_384;

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyRing keys;

    @EJB
    Sessions sessions;

    @Inject
    Clock clock;

    /** A logout request: its query and the browser's sign-in cookie. */
    public record Call(String query, String loginCookie) {
    }

    public OAuthReply end(Call call) {
        if (call.query() == null || call.query().length() > QUERY_MAX) {
            return refused("The logout request is missing or too long.");
        }
        LogoutRequest request;
        try {
            request = LogoutRequest.parse(URLUtils.parseParameters(call.query()));
        } catch (ParseException e) {
            return refused("The logout request is not valid.");
        }
        JWTClaimsSet hint = request.getIDTokenHint() instanceof SignedJWT jwt ? ours(jwt) : null;
        if (hint == null || hint.getAudience().size() != 1) {
            return refused("The logout request must name an ID token this service issued (id_token_hint).");
        }
        String clientId = hint.getAudience().get(0);
        OidcClient client = clientId.length() > OidcClient.CLIENT_ID_MAX ? null : em.find(OidcClient.class, clientId);
        URI target = request.getPostLogoutRedirectionURI();
        if (client == null || (target != null && !client.getPostLogoutRedirectUris().contains(target.toString()))) {
            return refused("The application asked to be sent an address it did not register: it cannot be sent back.");
        }
        long now = clock.instant().getEpochSecond();
        List<String> ended = new ArrayList<>();
        Object sid = hint.getClaim("sid");
        if (sid instanceof String text) {
            em.createNamedQuery(ProviderLogin.LIVE_BY_SID, ProviderLogin.class).setParameter("sid", text).getResultList()
                    .forEach(login -> ended.add(endLogin(login, now)));
        }
        if (call.loginCookie() != null && call.loginCookie().length() == 43) {
            ProviderLogin login = em.find(ProviderLogin.class, Secrets.hash(call.loginCookie()));
            if (login != null && login.isLive(now) && !ended.contains(login.getSid())) {
                endLogin(login, now);
            }
        }
        List<String> cookies = List.of(ProviderCookies.loginEnded());
        if (target == null) {
            return OAuthReply.html(200, LoginPage.signedOut(), cookies);
        }
        String state = request.getState() == null ? "" : (target.getRawQuery() == null ? "?" : "&")
                + "state=" + URLEncoder.encode(request.getState().getValue(), StandardCharsets.UTF_8);
        return OAuthReply.redirect(URI.create(target + state), cookies);
    }

    private String endLogin(ProviderLogin login, long now) {
        login.end(now);
        sessions.endAllOfLogin(login.getSid());
        return login.getSid();
    }

    /** The claims of an ID token signed by one of our keys for our issuer, expired or not; else null. */
    private JWTClaimsSet ours(SignedJWT jwt) {
        try {
            JWK key = jwt.getHeader().getKeyID() == null ? null : keys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
                return null;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return keys.issuer().equals(claims.getIssuer()) ? claims : null;
        } catch (JOSEException | java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    private static OAuthReply refused(String message) {
        return OAuthReply.html(400, LoginPage.error(message), List.of());
    }
}

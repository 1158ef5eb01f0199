package io.github.accounts.oidc.control;

import io.github.accounts.persistence.control.Transactions;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.accounts.oidc.entity.OidcClient;
import io.github.accounts.sessions.control.ClientSessionEnded;
import io.github.accounts.tokens.control.KeyRing;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * OpenID Connect Back-Channel Logout 1.0: when a client's session ends, a signed logout token ({@code iss},
 * {@code aud} = the client, {@code iat}, {@code exp}, {@code jti}, {@code sub}, {@code sid} = the provider session,
 * the back-channel logout event, no {@code nonce}) is posted to the client's {@code backchannel_logout_uri} once the
 * ending has committed: in the background, one try, 5 s at most; a failure is logged (never the token).
 */
@ApplicationScoped
public class BackChannelLogout {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    static final long LIFETIME_SECONDS = 120;
    private static final Logger LOG = Logger.getLogger(BackChannelLogout.class.getName());
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyRing keys;

    @Inject
    Clock clock;

    @Inject
    Transactions transactions;

    @Resource
    ManagedExecutorService executor;

    void sessionEnded(@Observes ClientSessionEnded ended) {
        OidcClient client = em.find(OidcClient.class, ended.clientId());
        if (client == null || client.getBackChannelLogoutUri() == null) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        String token = keys.sign(new JWTClaimsSet.Builder()
                .issuer(keys.issuer())
                .audience(client.getClientId())
                .subject(String.valueOf(ended.userId()))
                .claim("sid", ended.loginSid())
                .claim("events", Map.of(EVENT, Map.of()))
                .issueTime(new Date(now * 1000))
                .expirationTime(new Date((now + LIFETIME_SECONDS) * 1000))
                .jwtID(UUID.randomUUID().toString())
                .build());
        URI target = URI.create(client.getBackChannelLogoutUri());
        // sent only once the session's end is durable
        transactions.afterCommit(() -> executor.submit(() -> post(target, token)));
    }

    static void post(URI target, String token) {
        try {
            HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200 && response.statusCode() != 204) {
                LOG.warning(() -> "back-channel logout to " + target + " answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            LOG.warning(() -> "back-channel logout to " + target + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.github.accounts.oidc.control;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.accounts.delivery.control.Backoff;
import io.github.accounts.oidc.entity.LogoutNotice;
import io.github.accounts.oidc.entity.OidcClient;
import io.github.accounts.sessions.control.ClientSessionEnded;
import io.github.accounts.tokens.control.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
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
import java.util.Optional;
import java.util.UUID;

/**
 * OpenID Connect Back-Channel Logout 1.0: when a client's session ends, a {@link LogoutNotice} is written in the
 * ending's transaction (so it is owed if and only if the end commits), and delivered later by a background worker:
 * a signed logout token ({@code iss}, {@code aud} = the client, {@code iat}, {@code exp}, {@code jti}, {@code sub},
 * {@code sid} = the provider session, the back-channel logout event, no {@code nonce}) posted to the client's
 * {@code backchannel_logout_uri}. An attempt that fails (no connection, 5 s without an answer, anything but 2xx) is
 * tried again by {@link #RETRY}.
 */
@ApplicationScoped
public class BackChannelLogout {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    static final long LIFETIME_SECONDS = 120;
    /** Tried again after 2 s, doubling to at most 5 minutes, 18 attempts: the last one about 54 minutes after the first. */
    public static final Backoff RETRY = new Backoff(2, 300, 18);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyRing keys;

    @Inject
    Clock clock;

    /** A logout token ready to be posted to a client's back-channel logout URI. */
    public record Message(URI target, String logoutToken) {
    }

    void sessionEnded(@Observes ClientSessionEnded ended) {
        OidcClient client = em.find(OidcClient.class, ended.clientId());
        if (client != null && client.getBackChannelLogoutUri() != null) {
            em.persist(new LogoutNotice(client.getClientId(), ended.userId(), ended.loginSid(), UUID.randomUUID().toString(),
                    clock.instant().getEpochSecond()));
        }
    }

    /** The message of {@code notice}, signed now; empty when its client is gone or no longer wants to be told. */
    public Optional<Message> message(LogoutNotice notice) {
        OidcClient client = em.find(OidcClient.class, notice.getClientId());
        if (client == null || client.getBackChannelLogoutUri() == null) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond();
        String token = keys.sign(new JWTClaimsSet.Builder()
                .issuer(keys.issuer())
                .audience(client.getClientId())
                .subject(String.valueOf(notice.getUserId()))
                .claim("sid", notice.getLoginSid())
                .claim("events", Map.of(EVENT, Map.of()))
                .issueTime(new Date(now * 1000))
                .expirationTime(new Date((now + LIFETIME_SECONDS) * 1000))
                .jwtID(notice.getJti())
                .build());
        return Optional.of(new Message(URI.create(client.getBackChannelLogoutUri()), token));
    }

    /** Posts the logout token; @return why it was not taken (empty: a 2xx answer) */
    public Optional<String> post(Message message) throws InterruptedException {
        try {
            HttpResponse<Void> response = CLIENT.send(HttpRequest.newBuilder(message.target()).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(message.logoutToken(), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Optional.empty() : Optional.of("answered " + response.statusCode());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

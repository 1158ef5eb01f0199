package io.github.accounts.passkeys.boundary;

import io.github.accounts.passkeys.control.WebAuthn;
import io.github.accounts.passkeys.entity.PasskeyChallenge;
import io.github.accounts.settings.control.Settings;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;

/**
 * The ceremonies' challenges, in the database so that any node can finish a ceremony another one began: random
 * (32 bytes), single-use (spent by a conditional update, in a transaction of its own, so a challenge stays spent
 * even when the response it came with is refused) and short-lived ({@code WEBAUTHN_CHALLENGE_TTL}).
 */
@Stateless
public class Challenges {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    /** A new challenge for {@code purpose} (with the user and user handle of a registration); the raw bytes. */
    public byte[] issue(String purpose, Long userId, String userHandle) {
        byte[] challenge = WebAuthn.randomBytes();
        em.persist(new PasskeyChallenge(WebAuthn.sha256(challenge), purpose, userId, userHandle, clock.millis(), ttlMillis()));
        return challenge;
    }

    public long ttlMillis() {
        return settings.get(Settings.WEBAUTHN_CHALLENGE_TTL).toMillis();
    }

    /** Spends the challenge if it is usable for {@code purpose} now; empty if unknown, used, expired or for another purpose. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<PasskeyChallenge> spend(byte[] challenge, String purpose) {
        String hash = WebAuthn.sha256(challenge);
        int spent = em.createNamedQuery(PasskeyChallenge.SPEND).setParameter("hash", hash).setParameter("purpose", purpose)
                .setParameter("now", clock.millis()).executeUpdate();
        return spent == 1 ? Optional.ofNullable(em.find(PasskeyChallenge.class, hash)) : Optional.empty();
    }

    /** Challenges expired for an hour are deleted. */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void purge() {
        em.createNamedQuery(PasskeyChallenge.PURGE).setParameter("before", clock.millis() - 3_600_000L).executeUpdate();
    }
}

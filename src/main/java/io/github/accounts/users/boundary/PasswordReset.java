package io.github.accounts.users.boundary;

import io.github.accounts.settings.control.Settings;
import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.mail.boundary.Outbox;
import io.github.accounts.mail.control.Languages;
import io.github.accounts.mail.control.Letters;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.TooManyRequestsException;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.users.control.EmailAddresses;
import io.github.accounts.users.control.EmailTokens;
import io.github.accounts.users.control.EmailVerified;
import io.github.accounts.users.control.PasswordHasher;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.entity.EmailToken;
import io.github.accounts.users.entity.User;
import io.github.accounts.web.control.PublicUrl;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;

/**
 * A forgotten password: a request mails a link (a 256-bit token, stored as a hash, single-use, valid
 * {@code PASSWORD_RESET_TTL}, bound to the password it replaces) to the address if it has an account, and answers
 * the same either way; completing it sets the new password, ends every session, clears the lockouts, proves the
 * address, and mails a notice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasswordReset {

    @Inject
    Settings settings;

    /** Reset mails one account gets per hour at most; more requests are answered alike, without a mail. */
    static final int PER_ACCOUNT_LIMIT = 3;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    Outbox outbox;

    @EJB
    Throttle throttle;

    @EJB
    Sessions sessions;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Event<EmailVerified> verified;

    long ttlSeconds;

    @PostConstruct
    void readSettings() {
        ttlSeconds = settings.get(Settings.PASSWORD_RESET_TTL).toSeconds();
    }

    /** Throttled per client address (a 429 for any address) and per account (silently: no further mail). */
    public void request(String email, Accounts.Client client) {
        throttle.passwordResetAttempt(client.address());
        String key = EmailAddresses.key(email);
        try {
            throttle.mailRequest("reset", key, PER_ACCOUNT_LIMIT);
        } catch (TooManyRequestsException enough) {
            audit.record("password-reset", "throttled", null, client.address());
            return;
        }
        // the account is looked up after the answer: the answer's timing cannot tell whether the address has one
        context.getBusinessObject(PasswordReset.class).mailLinkLater(key, client.address());
    }

    /**
     * Mails the link if the address has an account, on a thread of the container's, so the request has answered
     * already. (The request is not stored before it answers: were the service to crash in that moment, the person
     * asks again.)
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void mailLinkLater(String emailKey, String clientAddress) {
        boolean mailed = mailLink(emailKey);
        audit.record("password-reset", mailed ? "mailed" : "no-account", null, clientAddress);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean mailLink(String emailKey) {
        Optional<User> user = User.withEmailKey(em, emailKey)
                .filter(u -> !u.isDisabled());
        if (user.isEmpty()) {
            return false;
        }
        long now = now();
        String token = EmailTokens.newToken();
        em.persist(new EmailToken(EmailToken.RESET, EmailTokens.hash(token), null, user.get().getId(), emailKey, now, now + ttlSeconds)
                .boundTo(EmailTokens.hash(user.get().getPasswordHash())));
        outbox.enqueue(user.get().getEmail(), Letters.passwordReset(Languages.known(user.get().getLanguage()), user.get().getUsername(),
                publicUrl.of("/#reset-password=" + token), ttlSeconds / 60));
        return true;
    }

    /** Hashes the new password outside any transaction, then stores it in one that checks the token again. */
    public void complete(PasswordResetCompletion completion, Accounts.Client client) {
        String tokenHash = EmailTokens.hash(completion.token());
        User user = usable(tokenHash).map(t -> em.find(User.class, t.getUserId())).orElseThrow(PasswordReset::invalidToken);
        passwordPolicy.check(completion.newPassword(), user.getEmail(), user.getUsername());
        String hash = hasher.hash(completion.newPassword());
        int ended = context.getBusinessObject(PasswordReset.class).store(tokenHash, hash);
        throttle.clearLockouts(user.getEmailKey());
        audit.record("password-reset", "success", ended + " sessions ended", user.getId(), client.address());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int store(String tokenHash, String newHash) {
        EmailToken token = usable(tokenHash).orElseThrow(PasswordReset::invalidToken);
        em.lock(token, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(token);
        long now = now();
        User user = em.find(User.class, token.getUserId(), LockModeType.PESSIMISTIC_WRITE);
        if (!token.isUsable(now) || user == null || !user.getEmailKey().equals(token.getEmailKey())
                || !EmailTokens.same(token.getBoundTo(), EmailTokens.hash(user.getPasswordHash()))) {
            throw invalidToken();
        }
        user.setPasswordHash(newHash);
        em.createNamedQuery(EmailToken.RETIRE_OF_USER).setParameter("now", now).setParameter("user", user.getId())
                .setParameter("purpose", EmailToken.RESET).executeUpdate();
        if (!user.isEmailVerified()) {
            user.emailVerified(now);
            verified.fire(new EmailVerified(user.getId()));
        }
        outbox.enqueue(user.getEmail(), Letters.passwordChanged(Languages.known(user.getLanguage()), user.getUsername()));
        return sessions.endAllOf(user.getId(), null);
    }

    /** An unused, unexpired reset token whose password has not changed since it was issued. */
    private Optional<EmailToken> usable(String tokenHash) {
        long now = now();
        return em.createNamedQuery(EmailToken.BY_HASH, EmailToken.class).setParameter("hash", tokenHash)
                .setParameter("purpose", EmailToken.RESET).getResultStream().findFirst()
                .filter(t -> t.isUsable(now))
                .filter(t -> Optional.ofNullable(em.find(User.class, t.getUserId()))
                        .filter(u -> u.getEmailKey().equals(t.getEmailKey()) && !u.isDisabled())
                        .filter(u -> EmailTokens.same(t.getBoundTo(), EmailTokens.hash(u.getPasswordHash()))).isPresent());
    }

    private static ProblemException invalidToken() {
        return new ProblemException(400, "urn:accounts:problem:invalid-reset-token", "Bad Request",
                "This reset link is not valid (any more); ask for a new one");
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}

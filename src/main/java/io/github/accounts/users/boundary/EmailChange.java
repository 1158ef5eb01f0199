package io.github.accounts.users.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.mail.boundary.Outbox;
import io.github.accounts.mail.control.Languages;
import io.github.accounts.mail.control.Letters;
import io.github.accounts.problems.control.ConflictException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.users.control.EmailAddresses;
import io.github.accounts.users.control.EmailTokens;
import io.github.accounts.users.control.EmailVerified;
import io.github.accounts.users.entity.EmailToken;
import io.github.accounts.users.entity.User;
import io.github.accounts.web.control.PublicUrl;
import jakarta.annotation.Resource;
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
 * An email change: asked for with the current password, it mails a link (single-use, hashed, valid
 * {@code EMAIL_VERIFICATION_TTL}) to the new address; only that link makes the change, which then ends every
 * session (tokens state the address) and mails the old address a notice with a link that undoes it for
 * {@link #UNDO_DAYS} days. Both links die when the account's address changes in between.
 */
@Stateless
public class EmailChange {

    static final long UNDO_DAYS = 7;
    /** Email-change mails one account may ask for per hour. */
    static final int PER_ACCOUNT_LIMIT = 5;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    Logins logins;

    @EJB
    Outbox outbox;

    @EJB
    Sessions sessions;

    @EJB
    Throttle throttle;

    @EJB
    EmailVerification verification;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Event<EmailVerified> verified;

    /**
     * {@code PUT /api/users/me/email}: checks the password, then mails the link to the new address. An address that
     * has an account of someone else gets no mail, and the answer is the same (it does not tell).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void request(String subject, EmailChangeRequest change, Accounts.Client client) {
        User user = logins.reauthenticate(subject, change.currentPassword(), client);
        String newEmail = EmailAddresses.canonical(change.newEmail()).orElseThrow();
        throttle.mailRequest("change", user.getEmailKey(), PER_ACCOUNT_LIMIT);
        String outcome = context.getBusinessObject(EmailChange.class).mailLink(user.getId(), newEmail);
        audit.record("email-change", outcome, user.getId(), client.address());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String mailLink(long userId, String newEmail) {
        User user = em.find(User.class, userId);
        String newKey = EmailAddresses.key(newEmail);
        if (newKey.equals(user.getEmailKey())) {
            return "same-address";
        }
        if (taken(newKey)) {
            return "email-taken";
        }
        long now = now();
        em.createNamedQuery(EmailToken.RETIRE_OF_USER).setParameter("now", now).setParameter("user", userId)
                .setParameter("purpose", EmailToken.CHANGE).executeUpdate();
        String token = EmailTokens.newToken();
        em.persist(changeToken(EmailTokens.hash(token), userId, user.getEmailKey(), newEmail, now, verification.ttlSeconds()));
        outbox.enqueue(newEmail, Letters.emailChange(Languages.known(user.getLanguage()), user.getUsername(),
                publicUrl.of("/#confirm-email=" + token), verification.ttlSeconds() / 60));
        return "mailed";
    }

    /** {@code POST /api/users/me/email/confirm} {@code {"token"}}: the link of the new address's mail, from anyone who has it. */
    public void confirm(String token) {
        long now = now();
        EmailToken change = usable(token, EmailToken.CHANGE, now);
        User user = em.find(User.class, change.getUserId(), LockModeType.PESSIMISTIC_WRITE);
        String oldEmail = user.getEmail();
        move(user, change.getAddress(), now);
        change.use(now);
        em.createNamedQuery(EmailToken.RETIRE_OF_USER).setParameter("now", now).setParameter("user", user.getId())
                .setParameter("purpose", EmailToken.UNDO).executeUpdate();
        String undo = EmailTokens.newToken();
        em.persist(undoToken(EmailTokens.hash(undo), user.getId(), user.getEmailKey(), oldEmail, now));
        outbox.enqueue(oldEmail, Letters.emailChanged(Languages.known(user.getLanguage()), user.getUsername(), user.getEmail(),
                publicUrl.of("/#undo-email-change=" + undo), UNDO_DAYS));
        int ended = sessions.endAllOf(user.getId(), null);
        audit.record("email-change", "confirmed", ended + " sessions ended", user.getId(), null);
    }

    /** {@code POST /api/users/me/email/undo} {@code {"token"}}: the link of the old address's notice; the old address is back. */
    public void undo(String token) {
        long now = now();
        EmailToken undo = usable(token, EmailToken.UNDO, now);
        User user = em.find(User.class, undo.getUserId(), LockModeType.PESSIMISTIC_WRITE);
        move(user, undo.getAddress(), now);
        undo.use(now);
        em.createNamedQuery(EmailToken.RETIRE_OF_USER).setParameter("now", now).setParameter("user", user.getId())
                .setParameter("purpose", EmailToken.CHANGE).executeUpdate();
        int ended = sessions.endAllOf(user.getId(), null);
        audit.record("email-change", "undone", ended + " sessions ended", user.getId(), null);
    }

    /** The link to the new address: valid as long as a verification link, for the account's current address. */
    static EmailToken changeToken(String tokenHash, long userId, String currentKey, String newEmail, long now, long ttlSeconds) {
        return new EmailToken(EmailToken.CHANGE, tokenHash, null, userId, currentKey, now, now + ttlSeconds).about(newEmail);
    }

    /** The link to the old address: valid {@link #UNDO_DAYS} days, while the account keeps the new address. */
    static EmailToken undoToken(String tokenHash, long userId, String newKey, String oldEmail, long now) {
        return new EmailToken(EmailToken.UNDO, tokenHash, null, userId, newKey, now, now + UNDO_DAYS * 86_400).about(oldEmail);
    }

    /** Gives the user the address (proven by the link just opened); the admin rule is applied again. */
    private void move(User user, String email, long now) {
        String key = EmailAddresses.key(email);
        if (taken(key)) {
            throw new ConflictException("email-taken", "This email is registered to another account meanwhile");
        }
        user.changeEmail(email, key, now);
        em.flush();
        verified.fire(new EmailVerified(user.getId()));
    }

    private EmailToken usable(String token, String purpose, long now) {
        Optional<EmailToken> found = em.createNamedQuery(EmailToken.BY_HASH, EmailToken.class)
                .setParameter("hash", EmailTokens.hash(token)).setParameter("purpose", purpose).getResultStream().findFirst();
        EmailToken emailToken = found.filter(t -> t.isUsable(now)).orElseThrow(EmailChange::invalidToken);
        em.lock(emailToken, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(emailToken);
        User user = em.find(User.class, emailToken.getUserId());
        if (!emailToken.isUsable(now) || user == null || user.isDisabled() || !user.getEmailKey().equals(emailToken.getEmailKey())) {
            throw invalidToken();
        }
        return emailToken;
    }

    private boolean taken(String emailKey) {
        return User.withEmailKey(em, emailKey).isPresent();
    }

    private static ProblemException invalidToken() {
        return new ProblemException(400, "urn:accounts:problem:invalid-email-change", "Bad Request",
                "This link is not valid (any more); change the address again from your account");
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}

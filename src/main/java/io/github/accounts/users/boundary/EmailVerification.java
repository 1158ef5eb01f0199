package io.github.accounts.users.boundary;

import io.github.accounts.settings.control.Settings;
import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.mail.boundary.Outbox;
import io.github.accounts.mail.control.Languages;
import io.github.accounts.mail.control.Letters;
import io.github.accounts.problems.control.NotAuthenticatedException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.TooManyRequestsException;
import io.github.accounts.users.control.EmailAddresses;
import io.github.accounts.users.control.EmailTokens;
import io.github.accounts.users.control.EmailVerified;
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
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;

/**
 * Email verification: a link (a 256-bit token) and a six-digit code, mailed at registration and on request; either
 * proves the address once, within {@code EMAIL_VERIFICATION_TTL}. Only the latest mail's link and code work.
 */
@Stateless
public class EmailVerification {

    @Inject
    Settings settings;

    /** Resent verification mails one account may ask for per hour. */
    static final int RESEND_LIMIT = 5;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    Outbox outbox;

    @EJB
    Throttle throttle;

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
        ttlSeconds = settings.get(Settings.EMAIL_VERIFICATION_TTL).toSeconds();
    }

    /** How long a link or code mailed to an address stays valid ({@code EMAIL_VERIFICATION_TTL}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long ttlSeconds() {
        return ttlSeconds;
    }

    /** Mails a new link and code to the user (in the caller's transaction); earlier ones stop working. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void send(User user) {
        em.createNamedQuery(EmailToken.RETIRE_OF_USER).setParameter("now", now()).setParameter("user", user.getId())
                .setParameter("purpose", EmailToken.VERIFY).executeUpdate();
        sendFirst(user);
    }

    /**
     * Mails the first link and code to a user registered in the caller's transaction, who has none to retire. (Asking
     * to retire them anyway made concurrent registrations deadlock on MySQL/MariaDB: each update locked the index gap
     * after the newest user, and each insert then waited for the other's.)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void sendFirst(User user) {
        long now = now();
        String token = EmailTokens.newToken();
        String code = EmailTokens.newCode();
        em.persist(new EmailToken(EmailToken.VERIFY, EmailTokens.hash(token), EmailTokens.hash(code), user.getId(), user.getEmailKey(),
                now, now + ttlSeconds));
        outbox.enqueue(user.getEmail(), Letters.verification(Languages.known(user.getLanguage()), user.getUsername(),
                publicUrl.of("/#verify-email=" + token), code, ttlSeconds / 60));
    }

    /**
     * Someone registered with the user's address where the answer does not tell (verification required): the owner
     * gets a mail about it (at most {@link #RESEND_LIMIT} an hour), or, when the address is still unproven, a new
     * verification mail, so that whoever owns the address can get in either way.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void tellOwnerOfAttempt(User user) {
        try {
            throttle.mailRequest("verify", user.getEmailKey(), RESEND_LIMIT);
        } catch (TooManyRequestsException enough) {
            return;
        }
        if (user.isEmailVerified()) {
            outbox.enqueue(user.getEmail(), Letters.registrationAttempt(Languages.known(user.getLanguage()), user.getUsername(),
                    publicUrl.of("/#forgot-password")));
        } else {
            send(user);
        }
    }

    /**
     * {@code POST /api/users/email-verification/resend} {@code {"email"}}, for anyone: a new mail if the address has an
     * unverified account, nothing otherwise; the caller is not told which. Throttled per client address like password
     * resets (a 429 for any address) and per account (silently).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resendTo(String email, Accounts.Client client) {
        throttle.passwordResetAttempt(client.address());
        String key = EmailAddresses.key(email);
        try {
            throttle.mailRequest("verify", key, RESEND_LIMIT);
        } catch (TooManyRequestsException enough) {
            audit.record("email-verification", "throttled", null, client.address());
            return;
        }
        // looked up after the answer, like a password reset: its timing cannot tell whether the address has an account
        context.getBusinessObject(EmailVerification.class).mailAgainLater(key, client.address());
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void mailAgainLater(String emailKey, String clientAddress) {
        Optional<User> user = User.withEmailKey(em, emailKey)
                .filter(u -> !u.isDisabled() && !u.isEmailVerified());
        user.ifPresent(this::send);
        audit.record("email-verification", user.isPresent() ? "mailed" : "nothing-to-verify", null, clientAddress);
    }

    /**
     * {@code POST /api/users/email-verification/code} {@code {"email","code"}}: the code, from a client that cannot log
     * in before the address is verified; the same answer for an unknown address as for a wrong code.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void confirmCodeOf(String email, String code) {
        Optional<Long> userId = User.withEmailKey(em, EmailAddresses.key(email)).map(User::getId);
        if (userId.isEmpty() || !context.getBusinessObject(EmailVerification.class).tryCode(userId.get(), code)) {
            throw invalidToken();
        }
    }

    /** {@code POST /api/users/email-verification}: the link's token, from anyone who has it. */
    public void confirmToken(String token) {
        Optional<EmailToken> found = em.createNamedQuery(EmailToken.BY_HASH, EmailToken.class)
                .setParameter("hash", EmailTokens.hash(token)).setParameter("purpose", EmailToken.VERIFY)
                .getResultStream().findFirst();
        long now = now();
        EmailToken emailToken = found.filter(t -> t.isUsable(now)).orElseThrow(EmailVerification::invalidToken);
        User user = em.find(User.class, emailToken.getUserId());
        if (user == null || !user.getEmailKey().equals(emailToken.getEmailKey())) {
            throw invalidToken();
        }
        emailToken.use(now);
        markVerified(user, now, "link");
    }

    /**
     * {@code POST /api/users/me/email-verification}: the code, from the logged-in user. A wrong code counts
     * (committed although the request fails); after {@link EmailTokens#MAX_CODE_ATTEMPTS} the code is dead.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void confirmCode(String subject, String code) {
        if (!context.getBusinessObject(EmailVerification.class).tryCode(userIdOf(subject), code)) {
            throw invalidToken();
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean tryCode(long userId, String code) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new NotAuthenticatedException("The user of this access token no longer exists");
        }
        long now = now();
        Optional<EmailToken> open = em.createNamedQuery(EmailToken.OPEN_OF_USER, EmailToken.class).setParameter("user", userId)
                .setParameter("purpose", EmailToken.VERIFY).setParameter("now", now).setMaxResults(1).getResultStream().findFirst();
        if (open.isEmpty() || !open.get().getEmailKey().equals(user.getEmailKey())) {
            return false;
        }
        if (!EmailTokens.same(EmailTokens.hash(code), open.get().getCodeHash())) {
            if (open.get().wrongCode() >= EmailTokens.MAX_CODE_ATTEMPTS) {
                open.get().use(now);
            }
            audit.record("email-verification", "wrong-code", user.getId(), null);
            return false;
        }
        open.get().use(now);
        markVerified(user, now, "code");
        return true;
    }

    /** {@code POST /api/users/me/email-verification/resend}: a new mail, throttled per account. */
    public boolean resend(String subject) {
        User user = Optional.ofNullable(em.find(User.class, userIdOf(subject)))
                .orElseThrow(() -> new NotAuthenticatedException("The user of this access token no longer exists"));
        if (user.isEmailVerified()) {
            return false;
        }
        throttle.mailRequest("verify", user.getEmailKey(), RESEND_LIMIT);
        send(user);
        return true;
    }

    private void markVerified(User user, long now, String how) {
        boolean first = !user.isEmailVerified();
        user.emailVerified(now);
        if (first) {
            verified.fire(new EmailVerified(user.getId()));
        }
        audit.record("email-verification", "success", how, user.getId(), null);
    }

    private static long userIdOf(String subject) {
        try {
            return Long.parseLong(subject);
        } catch (NumberFormatException e) {
            throw new NotAuthenticatedException("This access token has no user");
        }
    }

    private static ProblemException invalidToken() {
        return new ProblemException(400, "urn:accounts:problem:invalid-verification", "Bad Request",
                "This link or code is not valid (any more); ask for a new mail");
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}

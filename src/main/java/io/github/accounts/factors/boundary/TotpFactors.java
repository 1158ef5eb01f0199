package io.github.accounts.factors.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.factors.control.QrCodes;
import io.github.accounts.factors.control.RecoveryCodes;
import io.github.accounts.factors.control.Totp;
import io.github.accounts.factors.entity.MfaChallenge;
import io.github.accounts.factors.entity.RecoveryCode;
import io.github.accounts.factors.entity.TotpFactor;
import io.github.accounts.mail.boundary.Outbox;
import io.github.accounts.mail.control.Languages;
import io.github.accounts.mail.control.Letters;
import io.github.accounts.persistence.control.SqlErrors;
import io.github.accounts.problems.control.ConflictException;
import io.github.accounts.problems.control.NotAuthenticatedException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.TooManyRequestsException;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.settings.control.Settings;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.tokens.control.KeyEncryption;
import io.github.accounts.users.boundary.Accounts;
import io.github.accounts.users.control.AccountErased;
import io.github.accounts.users.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A user's TOTP factor and recovery codes: enrolment (a secret, active after a first valid code), status, new
 * recovery codes, removal (password and code; the other sessions end), an administrator's reset, and
 * {@link #verify}, the check of a code that the second step of a login and every change here use. Wrong codes count
 * in the login throttle like wrong passwords. The secret is sealed with {@code KEY_ENCRYPTION_KEY} like the signing
 * keys.
 */
@Stateless
public class TotpFactors {

    /** What a code was. */
    public enum Kind {
        TOTP, RECOVERY_CODE
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @EJB
    Throttle throttle;

    @EJB
    Outbox outbox;

    @EJB
    Accounts accounts;

    @EJB
    Sessions sessions;

    KeyEncryption encryption;

    @PostConstruct
    void readSettings() {
        encryption = KeyEncryption.of(settings.get(Settings.KEY_ENCRYPTION_KEY));
    }

    /** Whether the user has a confirmed factor, so a login needs a second step. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isEnrolled(long userId) {
        TotpFactor factor = em.find(TotpFactor.class, userId);
        return factor != null && factor.isConfirmed();
    }

    public FactorStatus status(long userId) {
        boolean enrolled = isEnrolled(userId);
        long left = enrolled ? em.createNamedQuery(RecoveryCode.LEFT, Long.class).setParameter("user", userId).getSingleResult() : 0;
        return new FactorStatus(enrolled, left);
    }

    /** A new secret for the user; until a first code confirms it, a new enrolment replaces it. */
    public TotpEnrolment enrol(long userId, String clientAddress) {
        User user = userOf(userId);
        TotpFactor factor = em.find(TotpFactor.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (factor != null && factor.isConfirmed()) {
            throw enrolledAlready();
        }
        String secret = Totp.newSecret();
        if (factor == null) {
            try {
                em.persist(new TotpFactor(userId, seal(secret), clock.millis()));
                em.flush();
            } catch (PersistenceException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new ConflictException("enrolment-in-progress", "Another enrolment of this account is under way: try again");
                }
                throw e;
            }
        } else {
            factor.restart(seal(secret), clock.millis());
        }
        audit.record("totp-enrol", "begun", userId, clientAddress);
        return new TotpEnrolment(secret, Totp.uri(settings.get(Settings.TOTP_ISSUER), user.getEmail(), secret));
    }

    /** The QR code (SVG) of an enrolment not yet confirmed, for an authenticator app's camera. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String qrCode(long userId) {
        User user = userOf(userId);
        TotpFactor factor = em.find(TotpFactor.class, userId);
        if (factor == null) {
            throw noEnrolment();
        }
        if (factor.isConfirmed()) {
            throw enrolledAlready();
        }
        return QrCodes.svg(Totp.uri(settings.get(Settings.TOTP_ISSUER), user.getEmail(), open(factor.getSecret())));
    }

    /** The first valid code turns the factor on: recovery codes (shown once) and a notice mail. */
    public RecoveryCodeList confirm(long userId, String code, String clientAddress) {
        User user = userOf(userId);
        TotpFactor factor = em.find(TotpFactor.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (factor == null) {
            throw noEnrolment();
        }
        if (factor.isConfirmed()) {
            throw enrolledAlready();
        }
        OptionalLong step = Totp.matchingStep(open(factor.getSecret()), code, clock.instant().getEpochSecond(), null);
        if (step.isEmpty()) {
            audit.record("totp-enrol", "wrong-code", userId, clientAddress);
            throw invalidCode(403);
        }
        factor.confirm(step.getAsLong(), clock.millis());
        List<String> codes = replaceRecoveryCodes(userId);
        outbox.enqueue(user.getEmail(), Letters.secondFactorAdded(Languages.known(user.getLanguage()), user.getUsername()));
        audit.record("totp-enrol", "success", userId, clientAddress);
        return new RecoveryCodeList(codes);
    }

    /** New recovery codes for a current code (or an unused recovery code); the old ones stop working. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RecoveryCodeList regenerateRecoveryCodes(long userId, String code, String clientAddress) {
        User user = userOf(userId);
        requireEnrolled(userId);
        verify(user, code, clientAddress, 403);
        List<String> codes = context.getBusinessObject(TotpFactors.class).newRecoveryCodes(userId);
        audit.record("recovery-codes", "regenerated", userId, clientAddress);
        return new RecoveryCodeList(codes);
    }

    public List<String> newRecoveryCodes(long userId) {
        return replaceRecoveryCodes(userId);
    }

    /** Removes the factor, with the password and a code (or a recovery code); every other session ends. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void remove(String subject, String keepSession, FactorRemoval removal, Accounts.Client client) {
        User user = accounts.reauthenticate(subject, removal.currentPassword(), client);
        requireEnrolled(user.getId());
        verify(user, removal.code(), client.address(), 403);
        int ended = context.getBusinessObject(TotpFactors.class).delete(user.getId(), keepSession, false);
        audit.record("totp-remove", "success", ended + " other sessions ended", user.getId(), client.address());
    }

    /** An administrator's reset: the factor and recovery codes are gone, the user is told; false if there was none. */
    public boolean reset(long userId, long administratorId, String clientAddress) {
        if (em.find(TotpFactor.class, userId) == null) {
            return false;
        }
        delete(userId, null, true);
        audit.record("totp-reset", "by admin " + administratorId, userId, clientAddress);
        return true;
    }

    /** Deletes the factor, its codes and open second steps, mails a notice; ends the sessions but {@code keepSession} unless reset by an administrator. */
    public int delete(long userId, String keepSession, boolean byAdministrator) {
        User user = userOf(userId);
        erase(new AccountErased(userId));
        outbox.enqueue(user.getEmail(), Letters.secondFactorRemoved(Languages.known(user.getLanguage()), user.getUsername(), byAdministrator));
        return byAdministrator ? 0 : sessions.endAllOf(userId, keepSession == null ? "" : keepSession);
    }

    /** The user's factor and codes go with the account. */
    public void erase(@Observes AccountErased erased) {
        em.createNamedQuery(TotpFactor.DELETE_OF_USER).setParameter("user", erased.userId()).executeUpdate();
        em.createNamedQuery(RecoveryCode.DELETE_OF_USER).setParameter("user", erased.userId()).executeUpdate();
        em.createNamedQuery(MfaChallenge.DELETE_OF_USER).setParameter("user", erased.userId()).executeUpdate();
    }

    /**
     * Checks a code of the user's app (accepted once: its step must be later than the last accepted one) or a
     * recovery code (spent), counted by the login throttle like a password; a wrong one is refused with
     * {@code wrongStatus} (401 at a login, 403 for a logged-in user).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Kind verify(User user, String code, String clientAddress, int wrongStatus) {
        Throttle.LoginAttempt attempt;
        try {
            attempt = throttle.reserveLogin(user.getEmailKey(), clientAddress);
        } catch (TooManyRequestsException throttled) {
            audit.record("second-factor", "throttled", user.getId(), clientAddress);
            throw throttled;
        }
        boolean settled = false;
        try {
            Optional<Kind> accepted = context.getBusinessObject(TotpFactors.class).accept(user.getId(), code);
            settled = true;
            if (accepted.isEmpty()) {
                long lockedFor = throttle.loginFailed(attempt);
                audit.record("second-factor", "failure", user.getId(), clientAddress);
                if (lockedFor > 0) {
                    audit.record("lockout", "locked", lockedFor + " s", user.getId(), clientAddress);
                }
                throw invalidCode(wrongStatus);
            }
            throttle.loginSucceeded(attempt);
            return accepted.get();
        } finally {
            if (!settled) {
                throttle.releaseLogin(attempt);
            }
        }
    }

    /** Accepts the code in a transaction of its own, by a conditional update that only one node can win. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Kind> accept(long userId, String code) {
        TotpFactor factor = em.find(TotpFactor.class, userId);
        if (factor == null || !factor.isConfirmed()) {
            return Optional.empty();
        }
        if (RecoveryCodes.looksLikeOne(code)) {
            int spent = em.createNamedQuery(RecoveryCode.SPEND).setParameter("user", userId)
                    .setParameter("hash", RecoveryCodes.hash(code)).setParameter("now", clock.millis()).executeUpdate();
            return spent == 1 ? Optional.of(Kind.RECOVERY_CODE) : Optional.empty();
        }
        OptionalLong step = Totp.matchingStep(open(factor.getSecret()), code, clock.instant().getEpochSecond(), factor.getLastStep());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        int moved = em.createNamedQuery(TotpFactor.ACCEPT_STEP).setParameter("user", userId)
                .setParameter("step", step.getAsLong()).executeUpdate();
        return moved == 1 ? Optional.of(Kind.TOTP) : Optional.empty();
    }

    private List<String> replaceRecoveryCodes(long userId) {
        em.createNamedQuery(RecoveryCode.DELETE_OF_USER).setParameter("user", userId).executeUpdate();
        List<String> codes = RecoveryCodes.generate();
        long now = clock.millis();
        codes.forEach(code -> em.persist(new RecoveryCode(userId, RecoveryCodes.hash(code), now)));
        return codes;
    }

    private void requireEnrolled(long userId) {
        if (!isEnrolled(userId)) {
            throw new ConflictException("no-totp", "No authenticator app is set up for this account");
        }
    }

    /** The secret as a small JSON document, sealed when a key-encryption key is set (KeyEncryption tells the two apart). */
    private String seal(String secret) {
        return encryption.seal(Json.createObjectBuilder().add("totp", secret).build().toString());
    }

    private String open(String stored) {
        try (var reader = Json.createReader(new StringReader(encryption.open(stored)))) {
            JsonObject json = reader.readObject();
            return json.getString("totp");
        }
    }

    private User userOf(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new NotAuthenticatedException("The user of this access token no longer exists");
        }
        return user;
    }

    private static ConflictException noEnrolment() {
        return new ConflictException("no-totp-enrolment", "Begin with POST /api/users/me/mfa/totp, then confirm with a code of the app");
    }

    private static ConflictException enrolledAlready() {
        return new ConflictException("totp-enrolled", "An authenticator app is set up already: remove it first (DELETE /api/users/me/mfa/totp)");
    }

    static ProblemException invalidCode(int status) {
        return new ProblemException(status, "urn:accounts:problem:invalid-code", status == 401 ? "Unauthorized" : "Forbidden",
                "The code is wrong, expired or used already");
    }
}

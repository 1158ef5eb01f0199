package io.github.accounts.users.boundary;

import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.mail.boundary.Outbox;
import io.github.accounts.mail.control.Languages;
import io.github.accounts.mail.control.Letters;
import io.github.accounts.revocation.boundary.Revocations;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.users.entity.EmailToken;
import io.github.accounts.users.entity.User;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.github.accounts.users.control.AccountErased;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Leaving: {@code DELETE /api/users/me} with the current password. In one transaction every session ends (its
 * access tokens are refused from then on, on every node) and the personal data is erased: the user row (name,
 * address, password hash, roles), the mailed tokens, the mails to the address, the sessions' user agents. What
 * stays is pseudonymous: the audit log's lines name the user by a number that now belongs to nobody, and the ended
 * sessions keep their id and times until they are purged. The address gets a confirmation, the last mail.
 */
@Stateless
public class AccountDeletion {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    Logins logins;

    @EJB
    Sessions sessions;

    @EJB
    Revocations revocations;

    @EJB
    Outbox outbox;

    @EJB
    Throttle throttle;

    @Inject
    AuditLog audit;

    @Inject
    Event<AccountErased> erased;

    /** Checks the password outside any transaction (as a login does), then erases the account in one. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void delete(String subject, String jti, long expiresAt, AccountDeletionRequest request, Accounts.Client client) {
        User user = logins.reauthenticate(subject, request.currentPassword(), client);
        int ended = context.getBusinessObject(AccountDeletion.class).erase(user.getId(), jti, expiresAt);
        throttle.clearLockouts(user.getEmailKey());
        audit.record("account-deletion", "success", ended + " sessions ended", user.getId(), client.address());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int erase(long userId, String jti, long expiresAt) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            return 0;
        }
        revocations.revoke(jti, expiresAt);
        int ended = sessions.endAndForget(userId);
        em.createNamedQuery(EmailToken.DELETE_OF_USER).setParameter("user", userId).executeUpdate();
        erased.fire(new AccountErased(userId));
        outbox.forget(user.getEmail());
        outbox.enqueue(user.getEmail(), Letters.accountDeleted(Languages.known(user.getLanguage()), user.getUsername()));
        em.remove(user);
        return ended;
    }
}

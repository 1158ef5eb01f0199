package io.github.accounts.passkeys.boundary;

import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.verifier.exception.VerificationException;
import io.github.accounts.audit.control.AuditLog;
import io.github.accounts.passkeys.control.WebAuthn;
import io.github.accounts.passkeys.entity.Passkey;
import io.github.accounts.passkeys.entity.PasskeyChallenge;
import io.github.accounts.persistence.control.SqlErrors;
import io.github.accounts.problems.control.NotAuthenticatedException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.problems.control.TooManyRequestsException;
import io.github.accounts.sessions.boundary.SessionTokens;
import io.github.accounts.sessions.boundary.Sessions;
import io.github.accounts.throttling.boundary.Throttle;
import io.github.accounts.users.boundary.Accounts;
import io.github.accounts.users.entity.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.github.accounts.users.control.AccountErased;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passkeys: registering one for the logged-in user, listing, renaming and removing them, and logging in with one
 * alone (a discoverable credential with user verification). {@link #verifyAssertion} checks an assertion for a
 * user (or, at a passwordless login, for whoever's passkey it is) and is what a second step after the password uses.
 */
@Stateless
public class Passkeys {

    static final String DEFAULT_NAME = "Passkey";
    static final String STALE_CHALLENGE = "The challenge is unknown, used or expired: ask for new options";

    @PersistenceContext
    EntityManager em;

    @Inject
    WebAuthn webAuthn;

    @EJB
    Challenges challenges;

    @EJB
    Sessions sessions;

    @EJB
    Throttle throttle;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** {@code PublicKeyCredentialCreationOptionsJSON} for a new passkey of the user. */
    public Map<String, Object> registrationOptions(long userId) {
        User user = userOf(userId);
        List<Passkey> existing = of(userId);
        String handle = existing.stream().map(Passkey::getUserHandle).findFirst()
                .orElseGet(() -> WebAuthn.encode(WebAuthn.randomBytes()));
        byte[] challenge = challenges.issue(PasskeyChallenge.REGISTER, userId, handle);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", WebAuthn.encode(challenge));
        options.put("rp", Map.of("id", webAuthn.rpId(), "name", webAuthn.rpId()));
        options.put("user", Map.of("id", handle, "name", user.getEmail(), "displayName", user.getUsername()));
        options.put("pubKeyCredParams", WebAuthn.ALGORITHMS.stream().map(alg -> Map.of("type", "public-key", "alg", alg)).toList());
        options.put("timeout", challenges.ttlMillis());
        options.put("attestation", "direct");
        options.put("authenticatorSelection", Map.of("residentKey", "required", "requireResidentKey", true,
                "userVerification", "required"));
        options.put("excludeCredentials", existing.stream().map(p -> Map.of("type", "public-key", "id", p.getCredentialId())).toList());
        return options;
    }

    /** Verifies the attestation against a registration challenge of this user and stores the passkey. */
    public PasskeyView register(long userId, PasskeyRegistration registration, String clientAddress) {
        Set<String> transports = registration.transports() == null ? Set.of()
                : Arrays.stream(registration.transports().split(",")).map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        RegistrationData data = webAuthn.parseRegistration(WebAuthn.decode(registration.clientDataJson()),
                WebAuthn.decode(registration.attestationObject()), transports);
        if (data.getCollectedClientData() == null || data.getCollectedClientData().getChallenge() == null
                || data.getAttestationObject() == null) {
            throw new PasskeyRefusedException(400, "The WebAuthn response is incomplete");
        }
        PasskeyChallenge challenge = challenges.spend(data.getCollectedClientData().getChallenge().getValue(), PasskeyChallenge.REGISTER)
                .filter(c -> c.getUserId() != null && c.getUserId() == userId)
                .orElseThrow(() -> refusedRegistration(userId, clientAddress, "stale-challenge", STALE_CHALLENGE));
        try {
            webAuthn.verifyRegistration(data, data.getCollectedClientData().getChallenge().getValue());
        } catch (VerificationException e) {
            throw refusedRegistration(userId, clientAddress, e.getClass().getSimpleName(), "The attestation was not accepted");
        }
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticator.getAttestedCredentialData();
        String credentialId = WebAuthn.encode(credential.getCredentialId());
        String name = registration.name() == null || registration.name().isBlank() ? DEFAULT_NAME : registration.name().strip();
        Passkey passkey = new Passkey(userId, challenge.getUserHandle(), WebAuthn.sha256(credential.getCredentialId()), credentialId,
                webAuthn.encodeCredentialData(credential), data.getAttestationObject().getFormat(), name,
                authenticator.getSignCount(), authenticator.isFlagUV(), authenticator.isFlagBE(), authenticator.isFlagBS(),
                String.join(",", transports), clock.millis());
        try {
            em.persist(passkey);
            em.flush();
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw refusedRegistration(userId, clientAddress, "credential-taken", "This passkey is registered already");
            }
            throw e;
        }
        audit.record("passkey-register", "success", passkey.getAttestationFormat(), userId, clientAddress);
        return PasskeyView.of(passkey);
    }

    public List<PasskeyView> list(long userId) {
        return of(userId).stream().map(PasskeyView::of).toList();
    }

    public PasskeyView rename(long userId, long passkeyId, String name) {
        Passkey passkey = owned(userId, passkeyId);
        passkey.rename(name.strip());
        return PasskeyView.of(passkey);
    }

    public void remove(long userId, long passkeyId, String clientAddress) {
        em.remove(owned(userId, passkeyId));
        audit.record("passkey-remove", "success", String.valueOf(passkeyId), userId, clientAddress);
    }

    /** {@code PublicKeyCredentialRequestOptionsJSON} for a login with a discoverable passkey (no user named). */
    public Map<String, Object> loginOptions() {
        byte[] challenge = challenges.issue(PasskeyChallenge.LOGIN, null, null);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", WebAuthn.encode(challenge));
        options.put("rpId", webAuthn.rpId());
        options.put("timeout", challenges.ttlMillis());
        options.put("userVerification", "required");
        options.put("allowCredentials", List.of());
        return options;
    }

    /** A passwordless login: the passkey's user gets a session, its tokens carry {@code amr} hwk/swk and mfa. */
    public SessionTokens login(PasskeyAssertion assertion, Accounts.Client client) {
        try {
            throttle.checkPasskeyLogin(client.address());
        } catch (TooManyRequestsException throttled) {
            audit.record("passkey-login", "throttled", null, client.address());
            throw throttled;
        }
        Passkey passkey = verifyAssertion(assertion, null, client.address());
        User user = em.find(User.class, passkey.getUserId());
        if (user == null || user.isDisabled()) {
            audit.record("passkey-login", "disabled", passkey.getUserId(), client.address());
            throw new ProblemException(403, "urn:accounts:problem:account-disabled", "Forbidden", "This account is disabled");
        }
        audit.record("passkey-login", "success", passkey.getName(), user.getId(), client.address());
        return sessions.start(user, client.userAgent(), List.of(passkey.amr(), "mfa"));
    }

    /**
     * The passkey an assertion was made with, verified (challenge, signature, origin, RP, user verification, counter
     * and backup flags) and updated in the caller's transaction; {@code userId} (null: anyone's) is whose it must
     * be. Failures are audited and counted against the address, and refused with 401.
     */
    public Passkey verifyAssertion(PasskeyAssertion assertion, Long userId, String clientAddress) {
        byte[] credentialId = WebAuthn.decode(assertion.credentialId());
        AuthenticationData data = webAuthn.parseAssertion(credentialId, WebAuthn.decode(assertion.userHandle()),
                WebAuthn.decode(assertion.authenticatorData()), WebAuthn.decode(assertion.clientDataJson()),
                WebAuthn.decode(assertion.signature()));
        if (data.getCollectedClientData() == null || data.getCollectedClientData().getChallenge() == null
                || data.getAuthenticatorData() == null) {
            throw new PasskeyRefusedException(400, "The WebAuthn response is incomplete");
        }
        byte[] challenge = data.getCollectedClientData().getChallenge().getValue();
        if (challenges.spend(challenge, PasskeyChallenge.LOGIN).isEmpty()) {
            throw refusedLogin(null, clientAddress, "stale-challenge", STALE_CHALLENGE);
        }
        Passkey passkey = em.createNamedQuery(Passkey.BY_CREDENTIAL, Passkey.class)
                .setParameter("hash", WebAuthn.sha256(credentialId)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> refusedLogin(null, clientAddress, "unknown-credential", "This passkey is not registered"));
        if (!passkey.getUserHandle().equals(WebAuthn.encode(WebAuthn.decode(assertion.userHandle())))
                || (userId != null && userId != passkey.getUserId())) {
            throw refusedLogin(passkey.getUserId(), clientAddress, "wrong-user", "This passkey is not registered");
        }
        try {
            webAuthn.verifyAssertion(data, challenge, passkey);
        } catch (VerificationException e) {
            throw refusedLogin(passkey.getUserId(), clientAddress, e.getClass().getSimpleName(), "The passkey's assertion was not accepted");
        }
        AuthenticatorData<?> authenticator = data.getAuthenticatorData();
        Passkey.Use use = passkey.used(authenticator.getSignCount(), authenticator.isFlagBE(), authenticator.isFlagBS(), clock.millis());
        if (use != Passkey.Use.ACCEPTED) {
            audit.record("passkey-clone-suspected", use.name().toLowerCase(), "stored " + passkey.getSignCount() + ", presented "
                    + authenticator.getSignCount(), passkey.getUserId(), clientAddress);
            throw refusedLogin(passkey.getUserId(), clientAddress, use.name().toLowerCase(),
                    "The passkey's sign counter or backup flags are inconsistent; it may have been cloned");
        }
        return passkey;
    }

    /** The user's passkeys go with the account. */
    public void erase(@Observes AccountErased erased) {
        em.createNamedQuery(Passkey.DELETE_OF_USER).setParameter("user", erased.userId()).executeUpdate();
    }

    private ProblemException refusedLogin(Long userId, String clientAddress, String reason, String detail) {
        audit.record("passkey-login", "failure", reason, userId, clientAddress);
        throttle.passkeyLoginFailed(clientAddress);
        return new PasskeyRefusedException(401, detail);
    }

    private ProblemException refusedRegistration(long userId, String clientAddress, String reason, String detail) {
        audit.record("passkey-register", "failure", reason, userId, clientAddress);
        return new PasskeyRefusedException(400, detail);
    }

    private List<Passkey> of(long userId) {
        return em.createNamedQuery(Passkey.OF_USER, Passkey.class).setParameter("user", userId).getResultList();
    }

    private Passkey owned(long userId, long passkeyId) {
        Passkey passkey = em.find(Passkey.class, passkeyId);
        if (passkey == null || passkey.getUserId() != userId) {
            throw new ProblemException(404, "urn:accounts:problem:not-found", "Not found", "No such passkey");
        }
        return passkey;
    }

    private User userOf(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new NotAuthenticatedException("The user of this access token no longer exists");
        }
        return user;
    }
}

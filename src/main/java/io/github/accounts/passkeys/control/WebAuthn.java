package io.github.accounts.passkeys.control;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.DefaultSelfAttestationTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.VerificationException;
import io.github.accounts.passkeys.entity.Passkey;
import io.github.accounts.problems.control.InvalidInputException;
import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The WebAuthn ceremonies' checks, done by webauthn4j for the configured relying party ({@code WEBAUTHN_RP_ID},
 * {@code WEBAUTHN_ORIGINS}): attestation formats {@code none} and {@code packed} (self attestation, or a
 * certificate whose chain is not judged: no metadata service), user verification required, and on use the
 * signature over the stored public key. The sign counter is the {@link Passkey}'s rule, not webauthn4j's.
 */
@ApplicationScoped
public class WebAuthn {

    /** ES256, EdDSA, RS256: what authenticators offer (WebAuthn §5.8.3's recommendation). */
    public static final List<Long> ALGORITHMS = List.of(-7L, -8L, -257L);
    private static final int CHALLENGE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Settings settings;

    String rpId;
    Set<Origin> origins;
    WebAuthnManager manager;
    ObjectConverter converter;

    @PostConstruct
    void create() {
        rpId = settings.webauthnRpId();
        origins = settings.webauthnOrigins().stream().map(Origin::new).collect(Collectors.toUnmodifiableSet());
        converter = new ObjectConverter();
        manager = new WebAuthnManager(List.of(new NoneAttestationStatementVerifier(), new PackedAttestationStatementVerifier()),
                new NullCertPathTrustworthinessVerifier(), new DefaultSelfAttestationTrustworthinessVerifier(), converter);
        // the counter is checked (and a clone reported) by Passkey.used, with the backup flags
        manager.getAuthenticationDataVerifier().setMaliciousCounterValueHandler((authenticationObject) -> {
        });
    }

    public String rpId() {
        return rpId;
    }

    public static byte[] randomBytes() {
        byte[] bytes = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The attestation, parsed (signature and origin not yet checked); malformed input is a 400. */
    public RegistrationData parseRegistration(byte[] clientDataJson, byte[] attestationObject, Set<String> transports) {
        try {
            return manager.parse(new RegistrationRequest(attestationObject, clientDataJson, null, transports));
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    /** Checks the parsed attestation against the challenge it names, the RP and the origins. */
    public void verifyRegistration(RegistrationData data, byte[] challenge) throws VerificationException {
        List<PublicKeyCredentialParameters> algorithms = ALGORITHMS.stream()
                .map(alg -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.create(alg)))
                .toList();
        manager.verify(data, new RegistrationParameters(server(challenge), algorithms, true, true));
    }

    /** The assertion, parsed; malformed input is a 400. */
    public AuthenticationData parseAssertion(byte[] credentialId, byte[] userHandle, byte[] authenticatorData,
                                             byte[] clientDataJson, byte[] signature) {
        try {
            return manager.parse(new AuthenticationRequest(credentialId, userHandle, authenticatorData, clientDataJson, null, signature));
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    /** Checks the assertion's signature with the passkey's public key, the challenge, RP, origin and user verification. */
    public void verifyAssertion(AuthenticationData data, byte[] challenge, Passkey passkey) throws VerificationException {
        AttestedCredentialData credential = new AttestedCredentialDataConverter(converter)
                .convert(decode(passkey.getAttestedCredentialData()));
        CredentialRecordImpl record = new CredentialRecordImpl(null, passkey.isUvInitialized(), passkey.isBackupEligible(),
                passkey.isBackupState(), passkey.getSignCount(), credential, null, null, null, null);
        manager.verify(data, new AuthenticationParameters(server(challenge), record, null, true, true));
    }

    /** The attested credential data to store with a new passkey, base64url. */
    public String encodeCredentialData(AttestedCredentialData data) {
        return encode(new AttestedCredentialDataConverter(converter).convert(data));
    }

    private ServerProperty server(byte[] challenge) {
        return ServerProperty.builder().origins(origins).rpId(rpId).challenge(new DefaultChallenge(challenge)).build();
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** base64url (padding optional); anything else is a 400. */
    public static byte[] decode(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static InvalidInputException malformed() {
        return new InvalidInputException("The WebAuthn response is malformed");
    }
}

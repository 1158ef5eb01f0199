package io.github.accounts.support;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.authenticator.RSACOSEKey;
import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.attestation.statement.PackedAttestationStatement;
import com.webauthn4j.data.client.ClientDataType;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A passkey authenticator in the test, for ceremonies over HTTP without a browser: a key pair of the JDK's (ES256
 * unless another {@link Algorithm} is asked for), a random credential id, a sign counter, and the WebAuthn
 * structures (client data, authenticator data, attestation object) built and CBOR-encoded with webauthn4j's own data classes and converters. It attests
 * {@code none} or {@code packed} (self attestation), always with user presence and verification; a synced one sets
 * the backup flags. The parameters of {@link #get(String, String, String, PrivateKey)} let a test forge what a real
 * authenticator never would: another origin, another RP id, another key. {@link #copy} is a clone of it, counter
 * and all.
 */
public final class SoftwareAuthenticator {

    /** The key types it can make, with their COSE algorithm and the JDK's names for them. */
    public enum Algorithm {
        ES256(COSEAlgorithmIdentifier.ES256, "EC", "SHA256withECDSA"),
        ES384(COSEAlgorithmIdentifier.ES384, "EC", "SHA384withECDSA"),
        RS256(COSEAlgorithmIdentifier.RS256, "RSA", "SHA256withRSA"),
        EDDSA(COSEAlgorithmIdentifier.EdDSA, "Ed25519", "Ed25519");

        final COSEAlgorithmIdentifier cose;
        final String keyAlgorithm;
        final String signatureAlgorithm;

        Algorithm(COSEAlgorithmIdentifier cose, String keyAlgorithm, String signatureAlgorithm) {
            this.cose = cose;
            this.keyAlgorithm = keyAlgorithm;
            this.signatureAlgorithm = signatureAlgorithm;
        }

        KeyPair newKeyPair() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
                if (this == ES256 || this == ES384) {
                    generator.initialize(new ECGenParameterSpec(this == ES256 ? "secp256r1" : "secp384r1"));
                } else if (this == RS256) {
                    generator.initialize(2048);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        COSEKey coseKey(KeyPair keyPair) {
            return switch (this) {
                case ES256, ES384 -> EC2COSEKey.create((ECPublicKey) keyPair.getPublic(), cose);
                case RS256 -> RSACOSEKey.create((RSAPublicKey) keyPair.getPublic(), cose);
                case EDDSA -> EdDSACOSEKey.create((EdECPublicKey) keyPair.getPublic(), cose);
            };
        }
    }

    public static final String NONE = "none";
    public static final String PACKED = "packed";

    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String rpId;
    private final String origin;
    private final String format;
    private final boolean synced;
    private final byte flags;
    private final Algorithm algorithm;
    private final KeyPair keyPair;
    private final byte[] credentialId;
    private final COSEKey publicKey;
    private String userHandle;
    private long signCount;

    private SoftwareAuthenticator(String rpId, String origin, String format, boolean synced, Algorithm algorithm, KeyPair keyPair,
                                  byte[] credentialId, COSEKey publicKey, String userHandle, long signCount) {
        this.rpId = rpId;
        this.origin = origin;
        this.format = format;
        this.synced = synced;
        this.flags = flags(synced);
        this.algorithm = algorithm;
        this.keyPair = keyPair;
        this.credentialId = credentialId;
        this.publicKey = publicKey;
        this.userHandle = userHandle;
        this.signCount = signCount;
    }

    /** A new ES256 authenticator for the relying party {@code rpId} used from {@code origin} (a random user handle until it registers). */
    public static SoftwareAuthenticator of(String rpId, String origin, String format, boolean synced) {
        return of(rpId, origin, format, synced, Algorithm.ES256);
    }

    public static SoftwareAuthenticator of(String rpId, String origin, String format, boolean synced, Algorithm algorithm) {
        byte[] credentialId = new byte[32];
        RANDOM.nextBytes(credentialId);
        byte[] userHandle = new byte[32];
        RANDOM.nextBytes(userHandle);
        KeyPair keyPair = algorithm.newKeyPair();
        return new SoftwareAuthenticator(rpId, origin, format, synced, algorithm, keyPair, credentialId, algorithm.coseKey(keyPair),
                encode(userHandle), 0);
    }

    /** A clone: the same key, credential and counter, counting on its own from now. */
    public SoftwareAuthenticator copy() {
        return new SoftwareAuthenticator(rpId, origin, format, synced, algorithm, keyPair, credentialId, publicKey, userHandle, signCount);
    }

    /** One with the credential id {@code credentialId} (of a length no authenticator uses, say). */
    public SoftwareAuthenticator withCredentialId(byte[] credentialId) {
        return new SoftwareAuthenticator(rpId, origin, format, synced, algorithm, keyPair, credentialId, publicKey, userHandle, signCount);
    }

    /** One that registers {@code publicKey} as its credential's key (a broken one, say) and still signs with its own. */
    public SoftwareAuthenticator registering(COSEKey publicKey) {
        return new SoftwareAuthenticator(rpId, origin, format, synced, algorithm, keyPair, credentialId, publicKey, userHandle, signCount);
    }

    /** A new key pair of the algorithm this one signs with (another authenticator's key, say). */
    public KeyPair newKeyPair() {
        return algorithm.newKeyPair();
    }

    public String credentialId() {
        return encode(credentialId);
    }

    /** The body of {@code POST /api/users/me/passkeys} for creation options from the service, as the browser would send it. */
    public JsonObject create(JsonObject options, String name) {
        return create(options.getString("challenge"), options.getJsonObject("user").getString("id"), origin, rpId, name);
    }

    /** The registration body for a challenge and user handle, from {@code origin} for {@code rpId}. */
    public JsonObject create(String challenge, String userHandle, String origin, String rpId, String name) {
        return create(clientData(ClientDataType.WEBAUTHN_CREATE, challenge, origin), userHandle, rpId, true, name);
    }

    /**
     * The registration body with {@code clientData} as it is, for {@code rpId}; without {@code withCredential} the
     * authenticator data carries no credential (what no authenticator sends at a registration).
     */
    public JsonObject create(byte[] clientData, String userHandle, String rpId, boolean withCredential, String name) {
        this.userHandle = userHandle;
        AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, credentialId, publicKey);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData = withCredential
                ? new AuthenticatorData<>(sha256(rpId), (byte) (flags() | AuthenticatorData.BIT_AT), signCount, credential)
                : new AuthenticatorData<>(sha256(rpId), flags(), signCount);
        byte[] authenticatorBytes = new AuthenticatorDataConverter(CONVERTER).convert(authenticatorData);
        AttestationStatement statement = PACKED.equals(format)
                ? new PackedAttestationStatement(algorithm.cose, sign(keyPair.getPrivate(), authenticatorBytes, clientData), null)
                : new NoneAttestationStatement();
        byte[] attestation = new AttestationObjectConverter(CONVERTER).convertToBytes(new AttestationObject(authenticatorData, statement));
        var body = Json.createObjectBuilder()
                .add("client_data_json", encode(clientData))
                .add("attestation_object", encode(attestation))
                .add("transports", synced ? "hybrid,internal" : "internal");
        if (name != null) {
            body.add("name", name);
        }
        return body.build();
    }

    /** The assertion for request options from the service (the body of {@code POST /api/users/login/passkey}). */
    public Assertion get(JsonObject options) {
        return get(options.getString("challenge"), origin, rpId);
    }

    /** An assertion over {@code challenge} from {@code origin} for {@code rpId}; the counter moves on. */
    public Assertion get(String challenge, String origin, String rpId) {
        return get(challenge, origin, rpId, keyPair.getPrivate());
    }

    /** An assertion over {@code challenge} from {@code origin} for {@code rpId}, signed with {@code key}; the counter moves on. */
    public Assertion get(String challenge, String origin, String rpId, PrivateKey key) {
        return get(clientData(ClientDataType.WEBAUTHN_GET, challenge, origin), rpId, flags(), key);
    }

    /** An assertion over {@code clientData} as it is, with these authenticator data flags; the counter moves on. */
    public Assertion get(byte[] clientData, byte flags) {
        return get(clientData, rpId, flags, keyPair.getPrivate());
    }

    private Assertion get(byte[] clientData, String rpId, byte flags, PrivateKey key) {
        signCount++;
        byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER).convert(new AuthenticatorData<>(sha256(rpId), flags, signCount));
        return new Assertion(encode(credentialId), encode(clientData), encode(authenticatorData),
                encode(sign(key, authenticatorData, clientData)), userHandle);
    }

    /** The flags of {@link #get(JsonObject)}. */
    public byte flags() {
        return flags;
    }

    /** User present and verified; backup eligible and backed up when synced. */
    private static byte flags(boolean synced) {
        int flags = AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV;
        if (synced) {
            flags |= AuthenticatorData.BIT_BE | AuthenticatorData.BIT_BS;
        }
        return (byte) flags;
    }

    public static byte[] clientData(ClientDataType type, String challenge, String origin) {
        return new CollectedClientDataConverter(CONVERTER).convertToBytes(new CollectedClientData(type,
                new DefaultChallenge(challenge), new Origin(origin), null));
    }

    /** A signature (ECDSA in ASN.1 DER, as WebAuthn has it) over the authenticator data and the client data's hash. */
    private byte[] sign(PrivateKey key, byte[] authenticatorData, byte[] clientData) {
        try {
            Signature signature = Signature.getInstance(algorithm.signatureAlgorithm);
            signature.initSign(key);
            signature.update(ByteBuffer.allocate(authenticatorData.length + 32).put(authenticatorData).put(sha256(clientData)).array());
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    /** An assertion as the service takes it, every field base64url; {@code with...} make altered copies. */
    public record Assertion(String credentialId, String clientDataJson, String authenticatorData, String signature, String userHandle) {

        public Assertion withCredentialId(String value) {
            return new Assertion(value, clientDataJson, authenticatorData, signature, userHandle);
        }

        public Assertion withClientDataJson(String value) {
            return new Assertion(credentialId, value, authenticatorData, signature, userHandle);
        }

        public Assertion withAuthenticatorData(String value) {
            return new Assertion(credentialId, clientDataJson, value, signature, userHandle);
        }

        public Assertion withSignature(String value) {
            return new Assertion(credentialId, clientDataJson, authenticatorData, value, userHandle);
        }

        public Assertion withUserHandle(String value) {
            return new Assertion(credentialId, clientDataJson, authenticatorData, signature, value);
        }

        public JsonObject json() {
            return Json.createObjectBuilder().add("credential_id", credentialId).add("client_data_json", clientDataJson)
                    .add("authenticator_data", authenticatorData).add("signature", signature).add("user_handle", userHandle).build();
        }
    }
}

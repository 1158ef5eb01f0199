package io.github.accounts.tokens.control;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Private key material at rest: sealed as a JWE ({@code dir}, {@code A256GCM}) with the key-encryption key of
 * {@code KEY_ENCRYPTION_KEY} (32 random bytes, base64), or kept as it is when none is set. Which one a stored value is
 * can be told from the value itself, so keys stored before a key-encryption key was set are still read (and sealed
 * when next written).
 */
public final class KeyEncryption {

    public static final int KEY_BYTES = 32;
    private static final JWEHeader HEADER = new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM);

    private final SecretKey key;

    private KeyEncryption(SecretKey key) {
        this.key = key;
    }

    /** From the setting: empty means no encryption; anything else must be 32 bytes in base64. */
    public static KeyEncryption of(Optional<String> setting) {
        String value = setting.map(String::strip).orElse("");
        if (value.isEmpty()) {
            return new KeyEncryption(null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("KEY_ENCRYPTION_KEY must be " + KEY_BYTES + " random bytes in base64 (openssl rand -base64 32)");
        }
        return new KeyEncryption(new SecretKeySpec(bytes, "AES"));
    }

    public boolean isEnabled() {
        return key != null;
    }

    /** Whether a stored value is sealed (a compact JWE has five parts; a JWK is JSON). */
    public static boolean isSealed(String stored) {
        return stored != null && !stored.strip().startsWith("{");
    }

    public String seal(String secret) {
        if (key == null) {
            return secret;
        }
        try {
            JWEObject jwe = new JWEObject(HEADER, new Payload(secret));
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encrypt a private key", e);
        }
    }

    public String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("a private key in the database is encrypted, but KEY_ENCRYPTION_KEY is not set");
        }
        try {
            JWEObject jwe = JWEObject.parse(stored);
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot decrypt a private key: KEY_ENCRYPTION_KEY is not the key it was encrypted with");
        }
    }
}

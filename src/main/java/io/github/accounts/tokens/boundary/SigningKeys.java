package io.github.accounts.tokens.boundary;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.tokens.control.KeyMaterial;
import io.github.accounts.tokens.entity.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The keys tokens are signed with. With {@code JWT_SIGNING_KEY} unset, a key is generated at first start and
 * kept in the database, so tokens stay valid across restarts and nodes; otherwise the configured PEM key is used.
 * At startup it publishes the public keys to the server's MicroProfile JWT.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {

    static final String PUBLIC_KEYS_FILE = "public-keys.jwks";
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER", defaultValue = "accounts")
    String issuer;

    @Inject
    @ConfigProperty(name = "DATA_DIR", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "JWT_SIGNING_KEY")
    Optional<String> configuredKey;

    private volatile RSAKey active;
    private volatile RSASSASigner signer;
    private volatile JWKSet publicKeys;

    @PostConstruct
    void init() {
        if (issuer.isBlank()) {
            throw new IllegalStateException("JWT_ISSUER must not be blank");
        }
        List<RSAKey> keys = configuredKey.filter(pem -> !pem.isBlank())
                .map(pem -> List.of(KeyMaterial.fromPem(pem)))
                .orElseGet(this::storedOrNewKeys);
        use(keys);
        LOG.info(() -> "signing tokens as issuer '" + issuer + "' with key " + active.getKeyID()
                + (configuredKey.filter(pem -> !pem.isBlank()).isPresent() ? " (from JWT_SIGNING_KEY)" : " (kept in the database)"));
    }

    private List<RSAKey> storedOrNewKeys() {
        List<RSAKey> stored = em.createNamedQuery(SigningKey.ALL_NEWEST_FIRST, SigningKey.class).getResultList().stream()
                .map(k -> KeyMaterial.parse(k.getPrivateJwk()))
                .toList();
        if (!stored.isEmpty()) {
            return stored;
        }
        RSAKey generated = KeyMaterial.generate();
        em.persist(new SigningKey(generated.getKeyID(), KeyMaterial.ALGORITHM.getName(), generated.toJSONString(),
                generated.toPublicJWK().toJSONString(), Instant.now().getEpochSecond()));
        em.flush();
        return List.of(generated);
    }

    private void use(List<RSAKey> newestFirst) {
        try {
            active = newestFirst.get(0);
            signer = new RSASSASigner(active);
            publicKeys = new JWKSet(newestFirst.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
            writePublicKeys(publicKeys.toString());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + newestFirst.get(0).getKeyID(), e);
        }
    }

    /**
     * The server's MicroProfile JWT reads the keys it trusts from this file (mp.jwt.verify.publickey.location);
     * written whole and then moved into place, so it is never seen half-written.
     */
    private void writePublicKeys(String jwks) {
        Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve(PUBLIC_KEYS_FILE);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), PUBLIC_KEYS_FILE, ".tmp");
            Files.writeString(temporary, jwks);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the public keys to " + file + ": check DATA_DIR", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** Signs the claims as an RS256 JWT with {@code typ: JWT} and the active key's {@code kid}. */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = active;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(KeyMaterial.ALGORITHM)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The public keys, as a JWKS. */
    public JWKSet publicKeys() {
        return publicKeys;
    }
}

package io.github.accounts.tokens.boundary;

import io.github.accounts.settings.control.Settings;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.accounts.persistence.control.Database;
import io.github.accounts.persistence.control.DatabaseReady;
import io.github.accounts.persistence.control.Transactions;
import io.github.accounts.problems.control.ConflictException;
import io.github.accounts.problems.control.NotReadyException;
import io.github.accounts.problems.control.TooManyRequestsException;
import io.github.accounts.tokens.control.KeyEncryption;
import io.github.accounts.tokens.control.KeyMaterial;
import io.github.accounts.tokens.control.KeySchedule;
import io.github.accounts.tokens.control.TokenVerifier;
import io.github.accounts.tokens.entity.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The keys tokens are signed with. With {@code JWT_SIGNING_KEY} unset, a key is generated at first start and kept
 * in the database, so tokens stay valid across restarts and nodes; otherwise the configured PEM key is used.
 * <p>
 * Rotation (on an admin's request, or when the newest key is older than {@code JWT_KEY_ROTATE_AFTER}) adds a key
 * that is published at once but signs only after {@code JWT_KEY_PUBLISH_AHEAD} seconds, so every node and every
 * resource server caching the JWKS knows it before the first token it signs; a key that stopped signing stays
 * published until the last token it signed has expired. Every node re-reads the keys every few seconds. A node that
 * starts before its database can be reached has no key until it can: it verifies no token and signs none (503).
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {

    @Inject
    Settings settings;

    static final String PUBLIC_KEYS_FILE = "public-keys.jwks";
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    Database database;

    @Inject
    Clock clock;

    /** Rotations and retirements are logged once they are durable. */
    @Inject
    Transactions transactions;

    String issuer;

    /** The {@code aud} of every access token, and what this service's own API requires of a token. */
    String audience;

    String dataDir;
    Optional<String> configuredKey;

    /** 32 random bytes in base64: private keys are stored encrypted with it (see {@link KeyEncryption}). */
    Optional<String> keyEncryptionKey;

    KeySchedule schedule;

    /** A key with the moment it starts signing; newest first. */
    record Key(RSAKey jwk, RSASSASigner signer, RSASSAVerifier verifier, long activatesAt, long createdAt) {
    }

    private volatile List<Key> keys = List.of();
    private volatile JWKSet publicKeys = new JWKSet();
    private volatile TokenVerifier verifier;
    private KeyEncryption encryption;

    /** A rotation: the new key's kid and when it starts signing. */
    public record Rotation(String kid, Instant activatesAt) {
    }

    @PostConstruct
    void init() {
        issuer = settings.publicUrl();
        audience = settings.get(Settings.JWT_AUDIENCE);
        dataDir = settings.get(Settings.DATA_DIR);
        configuredKey = settings.get(Settings.JWT_SIGNING_KEY);
        keyEncryptionKey = settings.get(Settings.KEY_ENCRYPTION_KEY);
        schedule = new KeySchedule(settings.get(Settings.JWT_KEY_ROTATE_AFTER).toSeconds(),
                settings.get(Settings.JWT_KEY_PUBLISH_AHEAD).toSeconds(), settings.get(Settings.JWT_ACCESS_TTL).toSeconds());
        verifier = new TokenVerifier(issuer, audience, kid -> Optional.empty(), clock);
        encryption = KeyEncryption.of(keyEncryptionKey);
        if (!encryption.isEnabled() && !isConfigured()) {
            LOG.warning("KEY_ENCRYPTION_KEY is not set: the private signing keys are stored UNENCRYPTED in the database. "
                    + "Set it to 32 random bytes in base64 (openssl rand -base64 32) and keep it outside the database.");
        }
        if (isConfigured()) {
            RSAKey key = KeyMaterial.fromPem(configuredKey.get());
            use(List.of(key(key, 0, 0)));
            logActiveKey();
        } else if (database.isReady()) {
            loadFromDatabase();
        }
    }

    /** The database was not reachable at startup and is now. */
    public void databaseReady(@Observes DatabaseReady ready) {
        if (!isConfigured() && keys.isEmpty()) {
            loadFromDatabase();
        }
    }

    private void loadFromDatabase() {
        if (em.createNamedQuery(SigningKey.ALL_NEWEST_FIRST, SigningKey.class).setMaxResults(1).getResultList().isEmpty()) {
            store(KeyMaterial.generate(), now(), now());
        }
        reload();
        logActiveKey();
    }

    private void logActiveKey() {
        LOG.info(() -> "signing tokens as issuer '" + issuer + "' with key " + active().jwk().getKeyID()
                + (isConfigured() ? " (from JWT_SIGNING_KEY)" : " (kept in the database)"));
    }

    private boolean isConfigured() {
        return configuredKey.filter(pem -> !pem.isBlank()).isPresent();
    }

    /** Re-reads the keys, so that a rotation made by another node is seen here; rotates when the time has come. */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void refresh() {
        if (isConfigured()) {
            return;
        }
        if (keys.isEmpty()) {
            // not loaded yet: DatabaseReady loads them
            return;
        }
        try {
            reload();
            Key newest = keys.get(0);
            if (schedule.rotationDue(newest.createdAt(), now())) {
                rotateNow(now());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot re-read the signing keys now; keeping the ones in use: {0}", e.getMessage());
        }
    }

    /** An admin's rotation: refused while the last one is fresh (see {@link KeySchedule#rotationAllowedIn}). */
    public Rotation rotate() {
        if (isConfigured()) {
            throw new ConflictException("key-configured", "The signing key is given by JWT_SIGNING_KEY: rotate it there");
        }
        long now = now();
        List<Key> current = keys;
        long wait = current.isEmpty() ? 0 : KeySchedule.rotationAllowedIn(current.size(), current.get(0).activatesAt(), current.get(0).createdAt(), now);
        if (wait > 0) {
            throw new TooManyRequestsException("The signing key was rotated moments ago: wait until the new key signs", wait);
        }
        return rotateNow(now);
    }

    private Rotation rotateNow(long now) {
        RSAKey key = KeyMaterial.generate();
        long activatesAt = schedule.activatesAt(now);
        store(key, activatesAt, now);
        reload();
        transactions.afterCommit(() -> LOG.info(() -> "new signing key " + key.getKeyID() + " published; it signs from " + Instant.ofEpochSecond(activatesAt)));
        return new Rotation(key.getKeyID(), Instant.ofEpochSecond(activatesAt));
    }

    private void store(RSAKey key, long activatesAt, long now) {
        em.persist(new SigningKey(key.getKeyID(), KeyMaterial.ALGORITHM.getName(), encryption.seal(key.toJSONString()),
                key.toPublicJWK().toJSONString(), now, activatesAt));
        em.flush();
    }

    private synchronized void reload() {
        long now = now();
        List<SigningKey> stored = em.createNamedQuery(SigningKey.ALL_NEWEST_FIRST, SigningKey.class).getResultList();
        List<Long> activations = stored.stream().map(SigningKey::getActivatesAt).toList();
        for (SigningKey key : stored) {
            if (key.getPrivateJwk() != null && schedule.canNoLongerSign(key.getActivatesAt(), activations, now)) {
                key.forgetPrivateKey();
                transactions.afterCommit(() -> LOG.info(() -> "signing key " + key.getKid() + " retired: its private part is deleted, its public part stays published while its tokens live"));
            } else if (key.getPrivateJwk() != null && encryption.isEnabled() && !KeyEncryption.isSealed(key.getPrivateJwk())) {
                key.replacePrivateJwk(encryption.seal(key.getPrivateJwk()));
                LOG.info(() -> "signing key " + key.getKid() + " encrypted with KEY_ENCRYPTION_KEY");
            }
        }
        List<Key> all = stored.stream()
                .map(k -> key(k.getPrivateJwk() == null ? KeyMaterial.parse(k.getPublicJwk()) : KeyMaterial.parse(encryption.open(k.getPrivateJwk())),
                        k.getActivatesAt(), k.getCreatedAt()))
                .sorted(Comparator.comparingLong(Key::activatesAt).reversed())
                .toList();
        use(all.stream().filter(k -> schedule.stillPublished(k.activatesAt(), activations, now)).toList());
    }

    private static Key key(RSAKey jwk, long activatesAt, long createdAt) {
        try {
            return new Key(jwk, jwk.isPrivate() ? new RSASSASigner(jwk) : null, new RSASSAVerifier(jwk.toRSAPublicKey()), activatesAt, createdAt);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot use signing key " + jwk.getKeyID(), e);
        }
    }

    private synchronized void use(List<Key> newestFirst) {
        List<String> before = keys.stream().map(k -> k.jwk().getKeyID()).toList();
        List<String> after = newestFirst.stream().map(k -> k.jwk().getKeyID()).toList();
        keys = newestFirst;
        if (!before.equals(after) || verifier == null) {
            publicKeys = new JWKSet(newestFirst.stream().map(k -> (JWK) k.jwk().toPublicJWK()).toList());
            Map<String, RSASSAVerifier> byKid = newestFirst.stream()
                    .collect(Collectors.toUnmodifiableMap(k -> k.jwk().getKeyID(), Key::verifier));
            Function<String, Optional<RSASSAVerifier>> lookup = kid -> Optional.ofNullable(byKid.get(kid));
            verifier = new TokenVerifier(issuer, audience, lookup, clock);
            writePublicKeys(publicKeys.toString());
        }
    }

    /** The key that signs now: the newest one whose time has come. */
    private Key active() {
        long now = now();
        List<Key> current = keys;
        if (current.isEmpty()) {
            throw new NotReadyException();
        }
        return current.stream().filter(k -> k.activatesAt() <= now).findFirst().orElse(current.get(current.size() - 1));
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

    public String audience() {
        return audience;
    }

    /** Signs the claims as an RS256 JWT with {@code typ: JWT} and the active key's {@code kid}. */
    public String sign(JWTClaimsSet claims) {
        Key key = active();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(KeyMaterial.ALGORITHM)
                .type(JOSEObjectType.JWT)
                .keyID(key.jwk().getKeyID())
                .build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The public keys, as a JWKS: the active one, one about to sign, and those whose tokens may still live. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** How long others may cache the JWKS: well within the time a new key is published before it signs. */
    public long publicKeysMaxAge() {
        return Math.max(1, Math.min(3600, schedule.publishAhead() / 2));
    }

    public TokenVerifier verifier() {
        return verifier;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}

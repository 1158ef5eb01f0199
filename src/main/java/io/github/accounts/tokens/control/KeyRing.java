package io.github.accounts.tokens.control;

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
import io.github.accounts.problems.control.NotReadyException;
import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys in use on this node: it signs with the active one and verifies with any published one. What is in use
 * is decided by the signing keys' store and schedule ({@code tokens.boundary.SigningKeys}), which hands the ring
 * its keys whenever they change; until then the ring signs nothing (503) and verifies nothing.
 */
@ApplicationScoped
public class KeyRing {

    /** A key with the moment it starts signing; the private part (and so the signer) is gone once it is retired. */
    public record Key(RSAKey jwk, RSASSASigner signer, RSASSAVerifier verifier, long activatesAt, long createdAt) {

        public static Key of(RSAKey jwk, long activatesAt, long createdAt) {
            try {
                return new Key(jwk, jwk.isPrivate() ? new RSASSASigner(jwk) : null, new RSASSAVerifier(jwk.toRSAPublicKey()),
                        activatesAt, createdAt);
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot use signing key " + jwk.getKeyID(), e);
            }
        }

        public String kid() {
            return jwk.getKeyID();
        }
    }

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    String issuer;

    /** The {@code aud} of every access token, and what this service's own API requires of a token. */
    String audience;

    long publishAhead;

    private volatile List<Key> keys = List.of();
    private volatile JWKSet publicKeys = new JWKSet();
    private volatile TokenVerifier verifier;

    @PostConstruct
    void init() {
        init(settings.publicUrl(), settings.get(Settings.JWT_AUDIENCE), settings.get(Settings.JWT_KEY_PUBLISH_AHEAD).toSeconds());
    }

    void init(String issuer, String audience, long publishAhead) {
        this.issuer = issuer;
        this.audience = audience;
        this.publishAhead = publishAhead;
        verifier = new TokenVerifier(issuer, audience, kid -> Optional.empty(), clock);
    }

    /**
     * Puts these keys (newest first) in use: the published ones, whatever their private parts. Returns whether the
     * published set changed, for whoever keeps a copy of the public keys elsewhere.
     */
    public synchronized boolean use(List<Key> newestFirst) {
        List<String> before = keys.stream().map(Key::kid).toList();
        List<String> after = newestFirst.stream().map(Key::kid).toList();
        keys = List.copyOf(newestFirst);
        if (before.equals(after)) {
            return false;
        }
        publicKeys = new JWKSet(newestFirst.stream().map(k -> (JWK) k.jwk().toPublicJWK()).toList());
        Map<String, RSASSAVerifier> byKid = newestFirst.stream().collect(Collectors.toUnmodifiableMap(Key::kid, Key::verifier));
        verifier = new TokenVerifier(issuer, audience, kid -> Optional.ofNullable(byKid.get(kid)), clock);
        return true;
    }

    /** The keys in use, newest first. */
    public List<Key> keys() {
        return keys;
    }

    /** The key that signs now: the newest one whose time has come (the oldest while none has come yet). */
    public Key active() {
        long now = clock.instant().getEpochSecond();
        List<Key> current = keys;
        if (current.isEmpty()) {
            throw new NotReadyException();
        }
        return current.stream().filter(k -> k.activatesAt() <= now).findFirst().orElse(current.get(current.size() - 1));
    }

    /** Signs the claims as an RS256 JWT with {@code typ: JWT} and the active key's {@code kid}. */
    public String sign(JWTClaimsSet claims) {
        Key key = active();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(KeyMaterial.ALGORITHM)
                .type(JOSEObjectType.JWT)
                .keyID(key.kid())
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
        return Math.max(1, Math.min(3600, publishAhead / 2));
    }

    public TokenVerifier verifier() {
        return verifier;
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }
}

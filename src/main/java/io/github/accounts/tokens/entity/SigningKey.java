package io.github.accounts.tokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A token signing key pair, kept in the database so every node and every restart signs and verifies alike.
 * Keys are stored as JWK JSON (the private part encrypted when a key-encryption key is set, and deleted once the
 * key can no longer sign); the private part never leaves the service.
 */
@Entity
@Table(name = "signing_key")
@NamedQuery(name = SigningKey.ALL_NEWEST_FIRST, query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC")
public class SigningKey {

    public static final String ALL_NEWEST_FIRST = "SigningKey.allNewestFirst";

    @Id
    @Column(length = 64)
    private String kid;

    @Column(nullable = false, length = 10)
    private String algorithm;

    /** The private JWK, sealed when KEY_ENCRYPTION_KEY is set; null once the key was retired. */
    @Column(name = "private_key", columnDefinition = "TEXT")
    private String privateJwk;

    @Column(name = "public_key", nullable = false, columnDefinition = "TEXT")
    private String publicJwk;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** Epoch seconds from which the key signs; it is published before. */
    @Column(name = "activates_at", nullable = false)
    private long activatesAt;

    protected SigningKey() {
    }

    public SigningKey(String kid, String algorithm, String privateJwk, String publicJwk, long createdAt, long activatesAt) {
        this.activatesAt = activatesAt;
        this.kid = kid;
        this.algorithm = algorithm;
        this.privateJwk = privateJwk;
        this.publicJwk = publicJwk;
        this.createdAt = createdAt;
    }

    public String getKid() {
        return kid;
    }

    public String getPrivateJwk() {
        return privateJwk;
    }

    public void replacePrivateJwk(String sealed) {
        privateJwk = sealed;
    }

    public void forgetPrivateKey() {
        privateJwk = null;
    }

    public String getPublicJwk() {
        return publicJwk;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getActivatesAt() {
        return activatesAt;
    }
}

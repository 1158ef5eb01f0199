package io.github.accounts.passkeys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A user's WebAuthn credential: its public key (in the attested credential data), the sign counter and the backup
 * flags, checked and updated at every use as WebAuthn §7.2 says ({@link #used}).
 */
@Entity
@Table(name = "passkey")
@NamedQuery(name = Passkey.OF_USER, query = "SELECT p FROM Passkey p WHERE p.userId = :user ORDER BY p.id")
@NamedQuery(name = Passkey.DELETE_OF_USER, query = "DELETE FROM Passkey p WHERE p.userId = :user")
@NamedQuery(name = Passkey.COUNT_OF_USER, query = "SELECT COUNT(p) FROM Passkey p WHERE p.userId = :user")
@NamedQuery(name = Passkey.BY_CREDENTIAL, query = "SELECT p FROM Passkey p WHERE p.credentialHash = :hash")
public class Passkey {

    public static final String OF_USER = "Passkey.ofUser";
    public static final String BY_CREDENTIAL = "Passkey.byCredential";
    public static final String DELETE_OF_USER = "Passkey.deleteOfUser";
    public static final String COUNT_OF_USER = "Passkey.countOfUser";
    public static final int NAME_MAX = 64;
    public static final int USER_HANDLE_MAX = 64;
    /** A credential id is at most 1023 bytes (WebAuthn §5.1), 1364 characters in base64url. */
    public static final int CREDENTIAL_ID_MAX = 1400;
    public static final int TRANSPORTS_MAX = 255;

    /** What {@link #used} found. */
    public enum Use {
        /** The counter moved forward (or the authenticator keeps none) and the backup flags are consistent. */
        ACCEPTED,
        /** The counter did not move forward: the credential may have been cloned (§6.1.1). */
        COUNTER_NOT_INCREASED,
        /** The backup-eligible flag changed, which it never may (§6.3.3). */
        BACKUP_ELIGIBILITY_CHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "user_handle", nullable = false, length = USER_HANDLE_MAX)
    private String userHandle;

    @Column(name = "credential_hash", nullable = false, length = 64)
    private String credentialHash;

    @Column(name = "credential_id", nullable = false, length = CREDENTIAL_ID_MAX)
    private String credentialId;

    @Column(name = "attested_credential_data", nullable = false, columnDefinition = "TEXT")
    private String attestedCredentialData;

    @Column(name = "attestation_format", nullable = false, length = 32)
    private String attestationFormat;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(name = "uv_initialized", nullable = false)
    private boolean uvInitialized;

    @Column(name = "backup_eligible", nullable = false)
    private boolean backupEligible;

    @Column(name = "backup_state", nullable = false)
    private boolean backupState;

    @Column(length = TRANSPORTS_MAX)
    private String transports;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "last_used_at")
    private Long lastUsedAt;

    protected Passkey() {
    }

    public Passkey(long userId, String userHandle, String credentialHash, String credentialId, String attestedCredentialData,
                   String attestationFormat, String name, long signCount, boolean uvInitialized, boolean backupEligible,
                   boolean backupState, String transports, long nowMillis) {
        this.userId = userId;
        this.userHandle = userHandle;
        this.credentialHash = credentialHash;
        this.credentialId = credentialId;
        this.attestedCredentialData = attestedCredentialData;
        this.attestationFormat = attestationFormat;
        this.name = name;
        this.signCount = signCount;
        this.uvInitialized = uvInitialized;
        this.backupEligible = backupEligible;
        this.backupState = backupState;
        this.transports = transports;
        this.createdAt = nowMillis;
    }

    /**
     * Records an authentication with the authenticator's {@code signCount} and flags, if the WebAuthn rules allow
     * it: a counter must grow unless both the stored and the new one are 0 (an authenticator without a counter);
     * the backup-eligible flag never changes; the backup state may (a passkey synced later), and is kept.
     * Nothing changes when it is refused.
     */
    public Use used(long newSignCount, boolean newBackupEligible, boolean newBackupState, long nowMillis) {
        if (newBackupEligible != backupEligible) {
            return Use.BACKUP_ELIGIBILITY_CHANGED;
        }
        if ((newSignCount != 0 || signCount != 0) && newSignCount <= signCount) {
            return Use.COUNTER_NOT_INCREASED;
        }
        signCount = newSignCount;
        backupState = newBackupState;
        lastUsedAt = nowMillis;
        return Use.ACCEPTED;
    }

    public void rename(String name) {
        this.name = name;
    }

    /** {@code hwk} for a key bound to one device, {@code swk} for one that may be synced (backup eligible), RFC 8176. */
    public String amr() {
        return backupEligible ? "swk" : "hwk";
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public String getUserHandle() {
        return userHandle;
    }

    /** The transports the authenticator named at registration (a hint for the browser), maybe none. */
    public java.util.List<String> transportList() {
        return transports == null || transports.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(transports.split(",")).map(String::strip).filter(t -> !t.isEmpty()).sorted().toList();
    }

    public String getCredentialId() {
        return credentialId;
    }

    public String getAttestedCredentialData() {
        return attestedCredentialData;
    }

    public String getAttestationFormat() {
        return attestationFormat;
    }

    public String getName() {
        return name;
    }

    public long getSignCount() {
        return signCount;
    }

    public boolean isUvInitialized() {
        return uvInitialized;
    }

    public boolean isBackupEligible() {
        return backupEligible;
    }

    public boolean isBackupState() {
        return backupState;
    }

    public String getTransports() {
        return transports;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }
}

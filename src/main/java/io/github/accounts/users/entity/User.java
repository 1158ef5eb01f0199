package io.github.accounts.users.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A registered user, mapped to the Flask app's own {@code user} table.
 */
@Entity
@Table(name = "`user`")
@EntityListeners(UserTimestamps.class)
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.emailNormalized = :email")
@NamedQuery(name = User.ALL_BY_ID, query = "SELECT u FROM User u ORDER BY u.id")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
@NamedQuery(name = User.COUNT_ENABLED_IN_ROLE, query = "SELECT COUNT(u) FROM User u WHERE :role MEMBER OF u.roles AND u.disabledAt IS NULL")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String ALL_BY_ID = "User.allById";
    public static final String COUNT = "User.count";
    public static final String COUNT_ENABLED_IN_ROLE = "User.countEnabledInRole";
    /** The role every user has; others come from the user_role table. */
    public static final String USER_ROLE = "user";
    public static final String ADMIN_ROLE = "admin";
    public static final int USERNAME_MAX = 50;
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_HASH_MAX = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = USERNAME_MAX)
    @Column(nullable = false, length = USERNAME_MAX)
    private String username;

    @NotBlank
    @Size(max = EMAIL_MAX)
    @Column(nullable = false, length = EMAIL_MAX)
    private String email;

    @NotBlank
    @Size(max = EMAIL_MAX)
    @Column(name = "email_normalized", nullable = false, unique = true, length = EMAIL_MAX)
    private String emailNormalized;

    @NotNull
    @Size(max = PASSWORD_HASH_MAX)
    @Column(name = "password", nullable = false, length = PASSWORD_HASH_MAX)
    private String passwordHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Epoch seconds; null while the user may log in. */
    @Column(name = "disabled_at")
    private Long disabledAt;

    /** Epoch seconds: when the user proved control of the email address; null while unproven. */
    @Column(name = "email_verified_at")
    private Long emailVerifiedAt;

    /** The language of the user's mails: "ko" or "en". */
    @Column(nullable = false, length = 8)
    private String language = "en";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 32)
    private Set<String> roles = new HashSet<>();

    protected User() {
    }

    public User(String username, String email, String emailNormalized, String passwordHash) {
        this.username = username;
        this.email = email;
        this.emailNormalized = emailNormalized;
        this.passwordHash = passwordHash;
    }

    /** Set by {@link UserTimestamps} when the user is first stored and whenever it changes. */
    void stamp(Instant now, boolean created) {
        if (created) {
            createdAt = now;
        }
        updatedAt = now;
    }

    /** The user whose normalized address ({@code EmailAddresses.key}) this is. */
    public static Optional<User> withEmailKey(EntityManager em, String emailKey) {
        return em.createNamedQuery(BY_EMAIL, User.class).setParameter("email", emailKey).getResultStream().findFirst();
    }

    /** The id an access token's subject names: empty for a subject that names no user (a client's, say). */
    public static Optional<Long> idOf(String subject) {
        try {
            return subject == null ? Optional.empty() : Optional.of(Long.valueOf(subject));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getEmailKey() {
        return emailNormalized;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public void disable(long now) {
        disabledAt = now;
    }

    public void enable() {
        disabledAt = null;
    }

    /** Grants or withdraws a role; "user" is everyone's and not stored. */
    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    public void emailVerified(long now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    public Long getEmailVerifiedAt() {
        return emailVerifiedAt;
    }

    /** A new address, proven by the link mailed to it (or the old one back, proven before). */
    public void changeEmail(String email, String emailNormalized, long now) {
        this.email = email;
        this.emailNormalized = emailNormalized;
        this.emailVerifiedAt = now;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getDisabledAt() {
        return disabledAt;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public void setRole(String role, boolean granted) {
        if (granted) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
    }

    /** The token's {@code groups}: "user", then the user's other roles in order. */
    public List<String> groups() {
        List<String> groups = new ArrayList<>();
        groups.add(USER_ROLE);
        roles.stream().filter(r -> !USER_ROLE.equals(r)).sorted().forEach(groups::add);
        return groups;
    }
}

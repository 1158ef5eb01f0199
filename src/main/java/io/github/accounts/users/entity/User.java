package io.github.accounts.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A registered user, mapped to the Flask app's own {@code user} table.
 */
@Entity
@Table(name = "`user`")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.emailNormalized = :email")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
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

    protected User() {
    }

    public User(String username, String email, String emailNormalized, String passwordHash) {
        this.username = username;
        this.email = email;
        this.emailNormalized = emailNormalized;
        this.passwordHash = passwordHash;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
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

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

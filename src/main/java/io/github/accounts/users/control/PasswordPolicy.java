package io.github.accounts.users.control;

import io.github.accounts.problems.boundary.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rules a new password must meet. Length counts Unicode characters of the password exactly as entered. */
@ApplicationScoped
public class PasswordPolicy {

    /** Argon2 takes any length, but hashing megabytes on request is a denial of service. */
    static final int HARD_MAX = 1024;

    @Inject
    @ConfigProperty(name = "password.min.length", defaultValue = "8")
    int minLength;

    @Inject
    @ConfigProperty(name = "password.max.length", defaultValue = "128")
    int maxLength;

    void createAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing the event creates the bean at deployment; @PostConstruct checks the settings
    }

    @PostConstruct
    void validate() {
        if (minLength < 1 || maxLength < minLength || maxLength > HARD_MAX) {
            throw new IllegalStateException("PASSWORD_MIN_LENGTH and PASSWORD_MAX_LENGTH must satisfy 1 <= min <= max <= "
                    + HARD_MAX + ", not min=" + minLength + ", max=" + maxLength);
        }
    }

    public void check(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            throw InvalidInputException.field("password", "must be at least " + minLength + " characters");
        }
        if (length > maxLength) {
            throw InvalidInputException.field("password", "must be at most " + maxLength + " characters");
        }
    }
}

package io.github.accounts.users.control;

import io.github.accounts.settings.control.Settings;
import io.github.accounts.problems.control.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * The rules a new password must meet (OWASP ASVS 6.2, NIST SP 800-63B): a length in Unicode characters of the
 * password exactly as entered, no control characters, not one of the most common passwords, and not the user's
 * own email or name. No composition rules.
 */
@ApplicationScoped
public class PasswordPolicy {

    @Inject
    Settings settings;

    /** Argon2 takes any length, but hashing megabytes on request is a denial of service. */
    static final int HARD_MAX = Settings.PASSWORD_LENGTH_LIMIT;
    /**
     * The longest password text any request may carry, checked before anything else looks at it: {@link #HARD_MAX}
     * characters (code points) are at most twice as many UTF-16 chars.
     */
    public static final int MAX_REQUEST_LENGTH = 2 * HARD_MAX;

    int minLength;
    int maxLength;

    @PostConstruct
    void readSettings() {
        minLength = settings.get(Settings.PASSWORD_MIN_LENGTH);
        maxLength = settings.get(Settings.PASSWORD_MAX_LENGTH);
    }

    /** A username this short is too common a substring to forbid inside passwords. */
    static final int MIN_NAME_TO_COMPARE = 3;

    public void check(String password, String email, String username) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            throw refused("must be at least " + minLength + " characters");
        }
        if (length > maxLength) {
            throw refused("must be at most " + maxLength + " characters");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            throw refused("must not contain control characters");
        }
        if (CommonPasswords.contains(password)) {
            throw refused("is too common: it is one of the " + CommonPasswords.size() + " most used passwords");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null && lower.contains(email.toLowerCase(Locale.ROOT))) {
            throw refused("must not contain your email address");
        }
        if (username != null && username.length() >= MIN_NAME_TO_COMPARE && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw refused("must not contain your username");
        }
    }

    private static InvalidInputException refused(String why) {
        return InvalidInputException.field("password", why);
    }
}

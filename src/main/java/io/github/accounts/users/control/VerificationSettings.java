package io.github.accounts.users.control;

import io.github.accounts.mail.control.MailSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.github.accounts.settings.control.Settings;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code EMAIL_VERIFICATION}: {@code off} (no verification mail at registration), {@code optional} (mailed; an
 * unverified account works) or {@code required} (an unverified account cannot log in, and registration does not tell
 * whether an address is taken). Unset: {@code required} when mails are sent over SMTP, {@code optional} when they go
 * to the log; {@code required} without {@code MAIL_SMTP_HOST} stops the deployment (nobody could ever log in).
 * The value and the rule that {@code required} needs SMTP are {@link Settings}'.
 */
@ApplicationScoped
public class VerificationSettings {

    /** What an unproven address may do. */
    public enum Mode {
        OFF, OPTIONAL, REQUIRED
    }

    private static final Logger LOG = Logger.getLogger(VerificationSettings.class.getName());

    @Inject
    Settings settings;

    @Inject
    MailSettings mail;

    private Mode mode;

    @PostConstruct
    void init() {
        mode = modeOf(settings.get(Settings.EMAIL_VERIFICATION), mail.session().isPresent());
        LOG.info(() -> "email verification is " + mode.name().toLowerCase(Locale.ROOT));
    }

    static Mode modeOf(Optional<String> value, boolean mailsAreSent) {
        Optional<String> given = value.map(String::strip).filter(v -> !v.isEmpty());
        if (given.isEmpty()) {
            return mailsAreSent ? Mode.REQUIRED : Mode.OPTIONAL;
        }
        return Mode.valueOf(given.get().toUpperCase(Locale.ROOT));
    }

    public Mode mode() {
        return mode;
    }

    /** Whether an unverified account is refused at login and registration hides whether an address is taken. */
    public boolean required() {
        return mode == Mode.REQUIRED;
    }

    /** Whether a registration mails a verification link and code. */
    public boolean mailsAtRegistration() {
        return mode != Mode.OFF;
    }
}

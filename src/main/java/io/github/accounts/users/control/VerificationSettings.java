package io.github.accounts.users.control;

import io.github.accounts.mail.control.MailSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code EMAIL_VERIFICATION}: {@code off} (no verification mail at registration), {@code optional} (mailed; an
 * unverified account works) or {@code required} (an unverified account cannot log in, and registration does not tell
 * whether an address is taken). Unset: {@code required} when mails are sent over SMTP, {@code optional} when they go
 * to the log; {@code required} without {@code MAIL_SMTP_HOST} stops the deployment (nobody could ever log in).
 * Read when the application starts, so a bad value stops the deployment.
 */
@ApplicationScoped
public class VerificationSettings {

    /** What an unproven address may do. */
    public enum Mode {
        OFF, OPTIONAL, REQUIRED
    }

    private static final Logger LOG = Logger.getLogger(VerificationSettings.class.getName());

    @Inject
    @ConfigProperty(name = "EMAIL_VERIFICATION")
    Optional<String> value;

    @Inject
    MailSettings mail;

    private Mode mode;

    @PostConstruct
    void init() {
        mode = modeOf(value, mail.session().isPresent());
        LOG.info(() -> "email verification is " + mode.name().toLowerCase(Locale.ROOT));
    }

    /** Makes the container create this bean (and so check the setting) while the application starts. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        mode();
    }

    static Mode modeOf(Optional<String> value, boolean mailsAreSent) {
        Optional<String> given = value.map(String::strip).filter(v -> !v.isEmpty());
        if (given.isEmpty()) {
            return mailsAreSent ? Mode.REQUIRED : Mode.OPTIONAL;
        }
        Mode mode;
        try {
            mode = Mode.valueOf(given.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("EMAIL_VERIFICATION must be off, optional or required, not '" + given.get() + "'");
        }
        if (mode == Mode.REQUIRED && !mailsAreSent) {
            throw new IllegalStateException("EMAIL_VERIFICATION=required needs MAIL_SMTP_HOST: without it mails go to the log"
                    + " and nobody could verify an address; set MAIL_SMTP_HOST or EMAIL_VERIFICATION=optional");
        }
        return mode;
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

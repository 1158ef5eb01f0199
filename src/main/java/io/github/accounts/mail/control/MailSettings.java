package io.github.accounts.mail.control;

import io.github.accounts.delivery.control.Backoff;
import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The SMTP relay ({@code MAIL_SMTP_*}, {@code MAIL_FROM}): a Jakarta Mail session, or none when no host is set
 * (then mails are written to the log). A setting that makes no sense stops the deployment.
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    Settings settings;

    /** How the connection to the relay is protected. */
    public enum Tls {
        NONE, STARTTLS, TLS
    }

    static final String TIMEOUT_MILLIS = "10000";
    /** A failed mail is tried again after MAIL_RETRY_SECONDS, doubling to at most an hour, 30 times (about a day). */
    static final long MAX_RETRY_DELAY_SECONDS = 3600;
    static final int MAX_ATTEMPTS = 30;

    Optional<String> host;
    int port;

    String tls;
    Optional<String> user;

    Optional<String> password;
    String from;

    long retrySeconds;

    private Session session;
    private Backoff backoff;

    @PostConstruct
    void init() {
        host = settings.get(Settings.MAIL_SMTP_HOST);
        port = settings.get(Settings.MAIL_SMTP_PORT);
        tls = settings.get(Settings.MAIL_SMTP_TLS);
        user = settings.get(Settings.MAIL_SMTP_USER);
        password = settings.get(Settings.MAIL_SMTP_PASSWORD);
        from = settings.get(Settings.MAIL_FROM);
        retrySeconds = settings.get(Settings.MAIL_RETRY_SECONDS).toSeconds();
        backoff = new Backoff(retrySeconds, MAX_RETRY_DELAY_SECONDS, MAX_ATTEMPTS);
        Tls mode = tlsOf(tls);
        session = host.filter(h -> !h.isBlank()).map(h -> Session.getInstance(properties(h.strip(), port, mode, user.isPresent()),
                user.map(u -> authenticator(u, password.orElse(""))).orElse(null))).orElse(null);
    }

    static Tls tlsOf(String value) {
        try {
            return Tls.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MAIL_SMTP_TLS must be none, starttls or tls, not '" + value + "'");
        }
    }

    static Properties properties(String host, int port, Tls tls, boolean auth) {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", host);
        int effectivePort = port != 0 ? port : switch (tls) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
        properties.setProperty("mail.smtp.port", Integer.toString(effectivePort));
        properties.setProperty("mail.smtp.auth", Boolean.toString(auth));
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (tls == Tls.STARTTLS) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        if (tls == Tls.TLS) {
            properties.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (tls != Tls.NONE) {
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private static Authenticator authenticator(String user, String password) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        };
    }

    /** The session to send with; empty when mails go to the log. */
    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    public String from() {
        return from;
    }

    public Backoff backoff() {
        return backoff;
    }
}

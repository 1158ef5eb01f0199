package io.github.accounts.mail.control;

import io.github.accounts.mail.entity.OutboxMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;

/** Sends one mail over SMTP (plain text and HTML alternatives, UTF-8), or writes it to the log when no relay is set. */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Inject
    MailSettings settings;

    public boolean logsOnly() {
        return settings.session().isEmpty();
    }

    public void send(OutboxMail mail) throws MessagingException {
        Optional<Session> session = settings.session();
        if (session.isEmpty()) {
            LOG.info(() -> "mail (no MAIL_SMTP_HOST, so not sent) to " + mail.getRecipient() + ": " + mail.getSubject()
                    + "\n" + mail.getTextBody());
            return;
        }
        MimeMessage message = new MimeMessage(session.get());
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.getRecipient()));
        message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.getTextBody(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.getHtmlBody(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        Transport.send(message);
    }
}

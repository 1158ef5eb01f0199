package io.github.accounts.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mails a test's SMTP server (GreenMail on loopback) has received, found by recipient and subject. */
public final class Mailbox {

    private Mailbox() {
    }

    /** A GreenMail SMTP server on 127.0.0.1 at {@code port}, started. */
    public static GreenMail start(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** Every mail to {@code recipient} once {@code enough} holds for them, or fails after {@code timeout}. */
    public static List<MimeMessage> mailsTo(GreenMail smtp, String recipient, Predicate<List<MimeMessage>> enough, Duration timeout) {
        return Await.until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> isTo(m, recipient)).toList(), enough, timeout);
    }

    /** The one mail to {@code recipient} (with {@code subject}, unless null). */
    public static MimeMessage mailTo(GreenMail smtp, String recipient, String subject, Duration timeout) {
        List<MimeMessage> found = Await.until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> isTo(m, recipient) && (subject == null || subject.equals(subjectOf(m)))).toList(), list -> !list.isEmpty(), timeout);
        assertEquals(1, found.size(), "one mail " + (subject == null ? "" : "'" + subject + "' ") + "to " + recipient);
        return found.get(0);
    }

    public static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient));
        } catch (Exception e) {
            return false;
        }
    }

    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return null;
        }
    }

    /** The plain-text part, decoded. */
    public static String textOf(MimeMessage mail) {
        try {
            return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

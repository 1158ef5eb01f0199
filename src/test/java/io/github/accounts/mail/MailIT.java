package io.github.accounts.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.accounts.support.Await;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.Jwt;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.TestDatabase;
import io.github.accounts.support.Problems;
import jakarta.json.Json;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail over a real SMTP server (GreenMail in this JVM): the verification mail of a registration, in the client's
 * language, as text and HTML; its link and its code work once; an ADMIN_EMAILS address becomes admin when verified;
 * mails written while the SMTP server is down arrive when it is back, also across a restart of the node. A forgotten
 * password: the same answer for any address, a link that works once, ends every session, clears lockouts, and dies
 * when the password changes.
 */
class MailIT {

    static final String PASSWORD = "correct horse battery";
    static final Pattern LINK = Pattern.compile("#verify-email=([A-Za-z0-9_-]{43})");
    static final Pattern RESET_LINK = Pattern.compile("#reset-password=([A-Za-z0-9_-]{43})");
    static final String ADMIN = uniqueEmail("mail-admin");

    static int smtpPort;
    static GreenMail smtp;
    static MicroServer node;

    @BeforeAll
    static void start() throws IOException {
        smtpPort = freePort();
        smtp = startSmtp();
        // on a database of its own: every node on a database delivers its outbox, and the other tests' nodes
        // (which send no mail: they write it to their log) would take this node's mails
        Map<String, String> settings = new HashMap<>(TestDatabase.ownDatabase("mail"));
        settings.putAll(Map.of("MAIL_SMTP_HOST", "127.0.0.1", "MAIL_SMTP_PORT", Integer.toString(smtpPort),
                "MAIL_SMTP_TLS", "none", "MAIL_FROM", "accounts@example.com", "MAIL_RETRY_SECONDS", "1",
                "ADMIN_EMAILS", ADMIN));
        node = MicroServer.fresh("mail", settings).start();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void registrationMailsAKoreanLinkThatVerifiesOnce() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-ko");
        assertEquals(201, register(http, email, "ko-KR,ko;q=0.9,en;q=0.5").status());
        MimeMessage mail = mailTo(email);
        assertEquals("이메일 주소를 확인해 주세요", mail.getSubject());
        assertEquals("accounts@example.com", mail.getFrom()[0].toString());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(text.contains("확인 코드"), text);
        assertFalse(html.contains("<img"), "no images, no tracking: " + html);
        String token = match(LINK, text);
        assertTrue(html.contains(token), html);

        assertEquals(Boolean.FALSE, Jwt.claims(http.login(email, PASSWORD).token()).getBoolean("email_verified"));
        assertEquals(200, verifyLink(http, token).status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyLink(http, token));
        assertEquals(Boolean.TRUE, Jwt.claims(http.login(email, PASSWORD).token()).getBoolean("email_verified"));
    }

    @Test
    void theCodeWorksOnceForItsUserAndAWrongOneFails() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-en");
        assertEquals(201, register(http, email, "en-US,en;q=0.8").status());
        MimeMessage mail = mailTo(email);
        assertEquals("Please verify your email address", mail.getSubject());
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        String code = match(Pattern.compile("Verification code: (\\d{6})"), text);
        String token = http.login(email, PASSWORD).token();
        String wrong = code.equals("000000") ? "000001" : "000000";
        Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyCode(http, token, wrong));
        assertEquals(200, verifyCode(http, token, code).status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyCode(http, token, code));
        assertEquals(202, resend(http, http.login(email, PASSWORD).token()).status());
        assertEquals("already-verified", resend(http, http.login(email, PASSWORD).token()).json().getString("result"));
    }

    @Test
    void anAdminEmailBecomesAdminOnlyOnceVerified() throws Exception {
        Http http = node.http();
        assertEquals(201, register(http, ADMIN, "en").status());
        assertFalse(groups(http.login(ADMIN, PASSWORD).token()).contains("admin"), "registering a listed address proves nothing");
        String text = textOf(mailTo(ADMIN));
        assertEquals(200, verifyLink(http, match(LINK, text)).status());
        assertTrue(groups(http.login(ADMIN, PASSWORD).token()).contains("admin"), "verified, the listed address is admin");
    }

    @Test
    void noMailIsLostWhileTheSmtpServerIsDownNorAcrossARestart() throws Exception {
        String email = uniqueEmail("mail-outage");
        smtp.stop();
        MicroServer restarted = null;
        try {
            long failuresBefore = failures(node);
            assertEquals(201, register(node.http(), email, "en").status(), "a mail server outage slows no request");
            Await.until(() -> failures(node), n -> n > failuresBefore, Duration.ofSeconds(60));
            node.kill();
            restarted = node.sameData("mail-restarted", Map.of()).start();
            smtp = startSmtp();
            MimeMessage mail = mailTo(email, Duration.ofSeconds(180));
            String token = match(LINK, textOf(mail));
            assertEquals(200, verifyLink(restarted.http(), token).status(), "the link works after the restart");
            Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyLink(restarted.http(), token));
        } finally {
            if (restarted != null) {
                node = restarted;
            }
        }
    }

    @Test
    void aResetLinkSetsANewPasswordOnceEndsEverySessionAndClearsLockouts() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-reset");
        assertEquals(201, register(http, email, "ko").status());
        String before = http.login(email, PASSWORD).token();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.login(email, "wrong password").status());
        }
        assertEquals(429, http.login(email, PASSWORD).status(), "locked out");

        Reply known = requestReset(http, email.toUpperCase(java.util.Locale.ROOT));
        Reply unknown = requestReset(http, uniqueEmail("mail-nobody"));
        assertEquals(202, known.status());
        assertEquals(known.status(), unknown.status());
        assertEquals(known.body(), unknown.body(), "the answer does not tell whether the address has an account");

        MimeMessage mail = mailTo(email, "비밀번호 재설정", Duration.ofSeconds(30));
        String token = match(RESET_LINK, textOf(mail));
        Problems.assertProblem(400, completeReset(http, token, "short"));
        assertEquals(200, completeReset(http, token, "a brand new passphrase").status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-reset-token", completeReset(http, token, "another new passphrase"));

        assertEquals(401, http.me(before).status(), "every session ended");
        assertEquals(401, http.login(email, PASSWORD).status());
        assertEquals(200, http.login(email, "a brand new passphrase").status(), "the lockout is cleared");
        assertEquals("비밀번호가 변경되었습니다", mailTo(email, "비밀번호가 변경되었습니다", Duration.ofSeconds(30)).getSubject());
        assertEquals(Boolean.TRUE, Jwt.claims(http.login(email, "a brand new passphrase").token()).getBoolean("email_verified"),
                "the reset proved the address");
    }

    @Test
    void aResetLinkDiesWhenThePasswordChanges() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-reset-bound");
        assertEquals(201, register(http, email, "en").status());
        assertEquals(202, requestReset(http, email).status());
        String token = match(RESET_LINK, textOf(mailTo(email, "Reset your password", Duration.ofSeconds(30))));
        String access = http.login(email, PASSWORD).token();
        assertEquals(200, http.send(http.request("/api/users/me/password").header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("current_password", PASSWORD).add("new_password", "changed in between").build().toString())).build()).status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-reset-token", completeReset(http, token, "a brand new passphrase"));
        assertEquals(200, http.login(email, "changed in between").status());
    }

    static Reply requestReset(Http http, String email) {
        return http.post("/api/users/password-reset", Json.createObjectBuilder().add("email", email).build().toString());
    }

    static Reply completeReset(Http http, String token, String newPassword) {
        return http.post("/api/users/password-reset/complete", Json.createObjectBuilder().add("token", token)
                .add("new_password", newPassword).build().toString());
    }

    /** The plain-text part, decoded. */
    static String textOf(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    }

    static MimeMessage mailTo(String recipient, String subject, Duration timeout) {
        List<MimeMessage> found = Await.until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> isTo(m, recipient) && subject.equals(subjectOf(m))).toList(), list -> !list.isEmpty(), timeout);
        assertEquals(1, found.size(), "one mail '" + subject + "' to " + recipient);
        return found.get(0);
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return null;
        }
    }

    static long failures(MicroServer server) {
        return server.logLines().stream().filter(line -> line.contains("could not be sent")).count();
    }

    static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static MimeMessage mailTo(String recipient) {
        return mailTo(recipient, Duration.ofSeconds(30));
    }

    static MimeMessage mailTo(String recipient, Duration timeout) {
        List<MimeMessage> found = Await.until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> isTo(m, recipient)).toList(),
                list -> !list.isEmpty(), timeout);
        assertEquals(1, found.size(), "one mail to " + recipient);
        return found.get(0);
    }

    static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient));
        } catch (Exception e) {
            return false;
        }
    }

    static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " in " + text);
        return matcher.group(1);
    }

    static List<String> groups(String token) {
        return Jwt.claims(token).getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    static Reply register(Http http, String email, String language) {
        return http.send(http.request("/api/users/register").header("Content-Type", "application/json").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", "메일").add("email", email)
                        .add("password", PASSWORD).build().toString())).build());
    }

    static Reply verifyLink(Http http, String token) {
        return http.post("/api/users/email-verification", Json.createObjectBuilder().add("token", token).build().toString());
    }

    static Reply verifyCode(Http http, String accessToken, String code) {
        return http.send(http.request("/api/users/me/email-verification").header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("code", code).build().toString())).build());
    }

    static Reply resend(Http http, String accessToken) {
        return http.send(http.request("/api/users/me/email-verification/resend").header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.github.accounts.mail;

import com.icegreen.greenmail.util.GreenMail;
import io.github.accounts.support.Await;
import io.github.accounts.support.Cores;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.Jwt;
import io.github.accounts.support.Mailbox;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.TestDatabase;
import io.github.accounts.support.Problems;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
 * It mostly waits for mail, on a node, a database and an SMTP server of its own: it runs beside the other tests,
 * its own tests one after another (one of them restarts the node; the shared resource lock does not order them).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = Cores.LOCK, mode = ResourceAccessMode.READ)
class MailIT {

    static final String PASSWORD = "correct horse battery";
    static final Pattern LINK = Pattern.compile("#verify-email=([A-Za-z0-9_-]{43})");
    static final Pattern RESET_LINK = Pattern.compile("#reset-password=([A-Za-z0-9_-]{43})");
    static final Pattern CHANGE_LINK = Pattern.compile("#confirm-email=([A-Za-z0-9_-]{43})");
    static final Pattern UNDO_LINK = Pattern.compile("#undo-email-change=([A-Za-z0-9_-]{43})");
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
        Map<String, String> settings = TestDatabase.onOwnDatabase("mail", Map.of("MAIL_SMTP_HOST", "127.0.0.1", "MAIL_SMTP_PORT", Integer.toString(smtpPort),
                "MAIL_SMTP_TLS", "none", "MAIL_FROM", "accounts@example.com", "MAIL_RETRY_SECONDS", "1",
                "ADMIN_EMAILS", ADMIN, "PASSWORD_RESET_IP_LIMIT", "500", "REGISTER_IP_LIMIT", "500"));
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
    @Execution(ExecutionMode.SAME_THREAD)
    void registrationMailsAKoreanLinkThatVerifiesOnce() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-ko");
        assertEquals(202, register(http, email, "ko-KR,ko;q=0.9,en;q=0.5").status());
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

        Problems.assertProblem(403, "urn:accounts:problem:email-not-verified", http.login(email, PASSWORD));
        assertEquals(200, verifyLink(http, token).status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyLink(http, token));
        assertEquals(Boolean.TRUE, Jwt.claims(http.login(email, PASSWORD).token()).getBoolean("email_verified"));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theCodeWorksOnceForItsAddressAndAWrongOneFails() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-en");
        assertEquals(202, register(http, email, "en-US,en;q=0.8").status());
        MimeMessage mail = mailTo(email);
        assertEquals("Please verify your email address", mail.getSubject());
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        String code = match(Pattern.compile("Verification code: (\\d{6})"), text);
        String wrong = code.equals("000000") ? "000001" : "000000";
        Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyCodeOf(http, email, wrong));
        Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyCodeOf(http, uniqueEmail("mail-nobody"), code));
        assertEquals(200, verifyCodeOf(http, email, code).status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyCodeOf(http, email, code));
        String token = http.login(email, PASSWORD).token();
        Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyCode(http, token, code));
        assertEquals(202, resend(http, token).status());
        assertEquals("already-verified", resend(http, token).json().getString("result"));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anAdminEmailBecomesAdminOnlyOnceVerified() throws Exception {
        Http http = node.http();
        assertEquals(202, register(http, ADMIN, "en").status());
        Problems.assertProblem(403, "urn:accounts:problem:email-not-verified", http.login(ADMIN, PASSWORD));
        String text = Mailbox.textOf(mailTo(ADMIN));
        assertEquals(200, verifyLink(http, match(LINK, text)).status());
        assertTrue(groups(http.login(ADMIN, PASSWORD).token()).contains("admin"), "verified, the listed address is admin");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void noMailIsLostWhileTheSmtpServerIsDownNorAcrossARestart() throws Exception {
        String email = uniqueEmail("mail-outage");
        smtp.stop();
        MicroServer restarted = null;
        try {
            long failuresBefore = failures(node);
            assertEquals(202, register(node.http(), email, "en").status(), "a mail server outage slows no request");
            Await.until(() -> failures(node), n -> n > failuresBefore, Duration.ofSeconds(60));
            node.kill();
            restarted = node.sameData("mail-restarted", Map.of()).start();
            smtp = startSmtp();
            MimeMessage mail = mailTo(email, Duration.ofSeconds(180));
            String token = match(LINK, Mailbox.textOf(mail));
            assertEquals(200, verifyLink(restarted.http(), token).status(), "the link works after the restart");
            Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyLink(restarted.http(), token));
        } finally {
            if (restarted != null) {
                node = restarted;
            }
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aResetLinkSetsANewPasswordOnceEndsEverySessionAndClearsLockouts() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-reset");
        registerVerified(http, email, "ko");
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
        String token = match(RESET_LINK, Mailbox.textOf(mail));
        Problems.assertProblem(400, completeReset(http, token, "short"));
        assertEquals(200, completeReset(http, token, "a brand new passphrase").status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-reset-token", completeReset(http, token, "another new passphrase"));

        assertEquals(401, http.me(before).status(), "every session ended");
        assertEquals(401, http.login(email, PASSWORD).status());
        assertEquals(200, http.login(email, "a brand new passphrase").status(), "the lockout is cleared");
        assertEquals("비밀번호가 변경되었습니다", mailTo(email, "비밀번호가 변경되었습니다", Duration.ofSeconds(30)).getSubject());
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aResetProvesTheAddressOfAnAccountThatCouldNotLogIn() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-reset-proves");
        assertEquals(202, register(http, email, "en").status());
        Problems.assertProblem(403, "urn:accounts:problem:email-not-verified", http.login(email, PASSWORD));
        assertEquals(202, requestReset(http, email).status());
        String token = match(RESET_LINK, Mailbox.textOf(mailTo(email, "Reset your password", Duration.ofSeconds(30))));
        assertEquals(200, completeReset(http, token, "a brand new passphrase").status());
        assertEquals(Boolean.TRUE, Jwt.claims(http.login(email, "a brand new passphrase").token()).getBoolean("email_verified"),
                "the reset proved the address");
    }

    /**
     * Enumeration by timing: a reset for an address with an account and one without are timed in pairs, in turns
     * which goes first, each known address's mail awaited before the next request so its work slows neither. If
     * neither answer is slower, "known was slower" is a coin toss per pair: outside 2..22 of 24 pairs happens with a
     * probability of 3 in a million, whatever the machine's speed. A difference larger than the noise between two
     * requests (an SMTP round trip or a password hash on one path only) shows up as nearly every pair one way; a
     * smaller one does not: the lookup and the outbox inserts done before answering, as before, passed too on H2
     * (tried once), which is why the answer no longer waits for them at all.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aResetAnswersKnownAndUnknownAddressesAlikeInTime() {
        Http http = node.http();
        int pairs = 24;
        List<String> known = new java.util.ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            known.add(uniqueEmail("mail-timing"));
            assertEquals(202, register(http, known.get(i), "en").status());
        }
        String body = requestReset(http, uniqueEmail("mail-timing-warm-up")).body();
        int knownSlower = 0;
        for (int i = 0; i < pairs; i++) {
            long knownNanos;
            long unknownNanos;
            if (i % 2 == 0) {
                knownNanos = timedReset(http, known.get(i), body);
                mailTo(known.get(i), "Reset your password", Duration.ofSeconds(30));
                unknownNanos = timedReset(http, uniqueEmail("mail-timing-nobody"), body);
            } else {
                unknownNanos = timedReset(http, uniqueEmail("mail-timing-nobody"), body);
                knownNanos = timedReset(http, known.get(i), body);
                mailTo(known.get(i), "Reset your password", Duration.ofSeconds(30));
            }
            if (knownNanos > unknownNanos) {
                knownSlower++;
            }
        }
        assertTrue(knownSlower >= 2 && knownSlower <= pairs - 2, "a known address's reset was the slower in " + knownSlower
                + " of " + pairs + " pairs");
    }

    static long timedReset(Http http, String email, String expectedBody) {
        long start = System.nanoTime();
        Reply reply = requestReset(http, email);
        long nanos = System.nanoTime() - start;
        assertEquals(202, reply.status());
        assertEquals(expectedBody, reply.body());
        return nanos;
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aResetLinkDiesWhenThePasswordChanges() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-reset-bound");
        registerVerified(http, email, "en");
        assertEquals(202, requestReset(http, email).status());
        String token = match(RESET_LINK, Mailbox.textOf(mailTo(email, "Reset your password", Duration.ofSeconds(30))));
        String access = http.login(email, PASSWORD).token();
        assertEquals(200, http.send(http.request("/api/users/me/password").header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("current_password", PASSWORD).add("new_password", "changed in between").build().toString())).build()).status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-reset-token", completeReset(http, token, "a brand new passphrase"));
        assertEquals(200, http.login(email, "changed in between").status());
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void registeringATakenAddressAnswersLikeANewOneAndMailsItsOwner() throws Exception {
        Http http = node.http();
        String owner = uniqueEmail("mail-taken");
        registerVerified(http, owner, "en");
        Reply fresh = register(http, uniqueEmail("mail-fresh"), "en");
        Reply taken = http.send(http.request("/api/users/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", "someone else")
                        .add("email", owner.toUpperCase(java.util.Locale.ROOT)).add("password", "another passphrase").build().toString())).build());
        assertEquals(202, fresh.status());
        assertEquals(fresh.status(), taken.status());
        assertEquals(fresh.body(), taken.body(), "the answer does not tell whether the address has an account");
        Reply flask = http.post("/users/register", Json.createObjectBuilder().add("username", "flask").add("email", owner)
                .add("password", "another passphrase").build().toString());
        assertEquals(fresh.status(), flask.status());
        assertEquals(fresh.body(), flask.body(), "the Flask route answers alike");
        List<MimeMessage> notices = Await.until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> Mailbox.isTo(m, owner)
                && "Someone tried to register with your address".equals(Mailbox.subjectOf(m))).toList(), list -> list.size() == 2, Duration.ofSeconds(30));
        assertTrue(Mailbox.textOf(notices.get(0)).contains("/#forgot-password"), "one notice for each attempt: " + Mailbox.textOf(notices.get(0)));
        assertEquals(401, http.login(owner, "another passphrase").status(), "the account is unchanged");
        assertEquals(200, http.login(owner, PASSWORD).status());
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anUnverifiedAccountGetsANewMailWithoutTellingWhoHasAnAccount() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-resend");
        assertEquals(202, register(http, email, "en").status());
        String first = match(LINK, Mailbox.textOf(mailTo(email, "Please verify your email address", Duration.ofSeconds(30))));
        Reply known = resendTo(http, email);
        Reply unknown = resendTo(http, uniqueEmail("mail-nobody"));
        assertEquals(202, known.status());
        assertEquals(known.status(), unknown.status());
        assertEquals(known.body(), unknown.body());
        List<MimeMessage> mails = Mailbox.mailsTo(smtp, email, list -> list.size() == 2, Duration.ofSeconds(30));
        String second = match(LINK, Mailbox.textOf(mails.get(1)));
        Problems.assertProblem(400, "urn:accounts:problem:invalid-verification", verifyLink(http, first));
        assertEquals(200, verifyLink(http, second).status(), "the latest mail's link works");
        assertEquals(200, http.login(email, PASSWORD).status());
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anEmailChangeTakesEffectFromTheNewAddressAndTheOldOneCanUndoIt() throws Exception {
        Http http = node.http();
        String old = uniqueEmail("mail-change-old");
        String fresh = uniqueEmail("mail-change-new");
        registerVerified(http, old, "en");
        String before = http.login(old, PASSWORD).token();
        Problems.assertProblem(403, "urn:accounts:problem:wrong-password", changeEmail(http, before, "wrong password", fresh));
        assertEquals(202, changeEmail(http, before, PASSWORD, fresh).status());
        assertEquals(200, http.login(old, PASSWORD).status(), "nothing changes before the new address is confirmed");
        assertEquals(401, http.login(fresh, PASSWORD).status());

        String confirm = match(CHANGE_LINK, Mailbox.textOf(mailTo(fresh, "Confirm your new email address", Duration.ofSeconds(30))));
        assertEquals(200, tokenPost(http, "/api/users/me/email/confirm", confirm).status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-email-change", tokenPost(http, "/api/users/me/email/confirm", confirm));
        assertEquals(401, http.me(before).status(), "every session ended: tokens state the address");
        assertEquals(401, http.login(old, PASSWORD).status());
        String after = http.login(fresh, PASSWORD).token();
        assertEquals(fresh, http.me(after).json().getString("email"));
        assertEquals(Boolean.TRUE, Jwt.claims(after).getBoolean("email_verified"));

        MimeMessage notice = mailTo(old, "The email address of your account was changed", Duration.ofSeconds(30));
        assertTrue(Mailbox.textOf(notice).contains(fresh), Mailbox.textOf(notice));
        String undo = match(UNDO_LINK, Mailbox.textOf(notice));
        assertEquals(200, tokenPost(http, "/api/users/me/email/undo", undo).status());
        Problems.assertProblem(400, "urn:accounts:problem:invalid-email-change", tokenPost(http, "/api/users/me/email/undo", undo));
        assertEquals(401, http.me(after).status(), "the undo ends every session");
        assertEquals(401, http.login(fresh, PASSWORD).status());
        assertEquals(old, http.me(http.login(old, PASSWORD).token()).json().getString("email"));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anAccountIsExportedThenDeletedWithItsSessionsAndItsOwnerIsTold() throws Exception {
        Http http = node.http();
        String email = uniqueEmail("mail-leave");
        registerVerified(http, email, "ko");
        String first = http.login(email, PASSWORD).token();
        String second = http.login(email, PASSWORD).token();

        Reply export = http.send(http.request("/api/users/me/export").header("Authorization", "Bearer " + first).GET().build());
        assertEquals(200, export.status());
        assertTrue(export.header("Content-Disposition").startsWith("attachment"), export.header("Content-Disposition"));
        assertEquals(email, export.json().getJsonObject("profile").getString("email"));
        assertEquals(2, export.json().getJsonArray("sessions").size());
        assertEquals("verify", export.json().getJsonArray("mailed_links").getJsonObject(0).getString("purpose"));
        assertFalse(export.body().contains("argon2"), "no password hash: " + export.body());

        Problems.assertProblem(403, "urn:accounts:problem:wrong-password", deleteAccount(http, first, "wrong password"));
        assertEquals(200, deleteAccount(http, first, PASSWORD).status());
        assertEquals(401, http.me(first).status());
        assertEquals(401, http.me(second).status(), "every session ended");
        assertEquals(401, http.login(email, PASSWORD).status());
        assertEquals("계정이 삭제되었습니다", mailTo(email, "계정이 삭제되었습니다", Duration.ofSeconds(30)).getSubject());
    }

    static Reply changeEmail(Http http, String accessToken, String password, String newEmail) {
        return http.send(http.request("/api/users/me/email").header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("current_password", password).add("new_email", newEmail).build().toString())).build());
    }

    static Reply deleteAccount(Http http, String accessToken, String password) {
        return http.send(http.request("/api/users/me").header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json").method("DELETE", HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("current_password", password).build().toString())).build());
    }

    static Reply tokenPost(Http http, String path, String token) {
        return http.post(path, Json.createObjectBuilder().add("token", token).build().toString());
    }

    static Reply resendTo(Http http, String email) {
        return http.post("/api/users/email-verification/resend", Json.createObjectBuilder().add("email", email).build().toString());
    }

    static Reply verifyCodeOf(Http http, String email, String code) {
        return http.post("/api/users/email-verification/code", Json.createObjectBuilder().add("email", email).add("code", code).build().toString());
    }

    /** Registers (nobody is logged in where verification is required) and opens the verification mail's link. */
    static void registerVerified(Http http, String email, String language) throws Exception {
        assertEquals(202, register(http, email, language).status());
        assertEquals(200, verifyLink(http, match(LINK, Mailbox.textOf(mailTo(email, language.startsWith("ko") ? "이메일 주소를 확인해 주세요"
                : "Please verify your email address", Duration.ofSeconds(30))))).status());
    }

    static Reply requestReset(Http http, String email) {
        return http.post("/api/users/password-reset", Json.createObjectBuilder().add("email", email).build().toString());
    }

    static Reply completeReset(Http http, String token, String newPassword) {
        return http.post("/api/users/password-reset/complete", Json.createObjectBuilder().add("token", token)
                .add("new_password", newPassword).build().toString());
    }

    static MimeMessage mailTo(String recipient, String subject, Duration timeout) {
        return Mailbox.mailTo(smtp, recipient, subject, timeout);
    }

    static long failures(MicroServer server) {
        return server.logLines().stream().filter(line -> line.contains("could not be sent")).count();
    }

    static GreenMail startSmtp() {
        return Mailbox.start(smtpPort);
    }

    static MimeMessage mailTo(String recipient) {
        return mailTo(recipient, null, Duration.ofSeconds(30));
    }

    static MimeMessage mailTo(String recipient, Duration timeout) {
        return mailTo(recipient, null, timeout);
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

package io.github.accounts.factors;

import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.Jwt;
import io.github.accounts.support.SecondFactors;
import io.github.accounts.support.StandardNode;
import io.github.accounts.support.TotpCodes;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TOTP second factors over HTTP on the shared standard node, with codes from the tests' own implementation
 * ({@link TotpCodes}, checked against the RFC and oathtool): enrolment, the mfa-required login step, replay, recovery
 * codes, throttling, removal, an administrator's reset.
 */
class TotpIT {

    static final String PASSWORD = StandardNode.PASSWORD;
    static Http http;

    @BeforeAll
    static void node() {
        http = StandardNode.http();
    }

    /** A user with a confirmed factor: its secret, recovery codes, and the code that confirmed it. */
    record Enrolled(String email, String token, String secret, List<String> recoveryCodes, String confirmingCode) {
    }

    static Enrolled enrolled(String name) {
        String email = uniqueEmail(name);
        String token = http.register(name, email, PASSWORD).token();
        SecondFactors.Factor factor = SecondFactors.enrol(http, token);
        return new Enrolled(email, token, factor.secret(), factor.recoveryCodes(), factor.confirmingCode());
    }

    /** The password step: a 401 mfa-required problem whose mfa_token finishes the login. */
    static String passwordStep(String email) {
        Reply reply = http.login(email, PASSWORD);
        assertProblem(401, "urn:accounts:problem:mfa-required", reply);
        assertFalse(reply.json().containsKey("access_token"), reply::toString);
        return reply.json().getString("mfa_token");
    }

    /** Six digits that are none of the codes the service accepts now. */
    static String wrongCode(String secret) {
        long now = Instant.now().getEpochSecond();
        Set<String> near = LongStream.rangeClosed(-2, 2).mapToObj(i -> TotpCodes.at(secret, now + 30 * i)).collect(Collectors.toSet());
        return LongStream.range(0, 10).mapToObj(i -> String.format("%06d", i * 111_111)).filter(c -> !near.contains(c)).findFirst().orElseThrow();
    }

    static Set<String> amr(String accessToken) {
        return Jwt.claims(accessToken).getJsonArray("amr").getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
    }

    @Test
    void enrolmentGivesABase32SecretAndAnOtpauthUriAndIsOffUntilConfirmed() {
        String email = uniqueEmail("totp-enrol");
        String token = http.register("totp-enrol", email, PASSWORD).token();
        JsonObject enrolment = http.enrolTotp(token).json();
        String secret = enrolment.getString("secret");
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        String uri = enrolment.getString("otpauth_uri");
        assertTrue(uri.startsWith("otpauth://totp/Accounts:") && uri.contains("secret=" + secret) && uri.contains("issuer=Accounts"), uri);

        JsonObject status = http.get("/api/users/me/mfa", token).json();
        assertFalse(status.getBoolean("totp"));
        Reply passwordOnly = http.login(email, PASSWORD);
        assertEquals(200, passwordOnly.status(), "an unconfirmed factor asks for nothing");
        assertEquals("1", Jwt.claims(passwordOnly.token()).getString("acr"));

        Reply qr = http.send(http.request("/api/users/me/mfa/totp/qr").header("Authorization", "Bearer " + token)
                .header("Accept", "image/svg+xml").GET().build());
        assertEquals(200, qr.status(), qr::toString);
        assertTrue(qr.header("Content-Type").startsWith("image/svg+xml") && qr.body().startsWith("<svg"), qr::toString);

        assertProblem(403, "urn:accounts:problem:invalid-code", http.confirmTotp(token, wrongCode(secret)));
        assertEquals(200, http.confirmTotp(token, TotpCodes.now(secret)).status());
        assertProblem(409, "urn:accounts:problem:totp-enrolled", http.send(http.request("/api/users/me/mfa/totp/qr")
                .header("Authorization", "Bearer " + token).GET().build()));
        JsonObject confirmed = http.get("/api/users/me/mfa", token).json();
        assertTrue(confirmed.getBoolean("totp"));
        assertEquals(10, confirmed.getInt("recovery_codes_left"));
    }

    @Test
    void aLoginWithAFactorNeedsItsCodeAndTheTokensSaySo() {
        Enrolled user = enrolled("totp-login");
        assertEquals(10, user.recoveryCodes().size());
        String mfaToken = passwordStep(user.email());

        Reply tokens = http.loginMfa(mfaToken, TotpCodes.next(user.secret()));
        assertEquals(200, tokens.status(), tokens::toString);
        assertEquals(Set.of("pwd", "otp", "mfa"), amr(tokens.token()));
        assertEquals("2", Jwt.claims(tokens.token()).getString("acr"));
        assertEquals(200, http.me(tokens.token()).status());
        assertTrue(tokens.json().containsKey("refresh_token"), tokens::toString);

        assertProblem(401, "urn:accounts:problem:invalid-mfa-token", http.loginMfa(mfaToken, user.recoveryCodes().get(0)));
    }

    @Test
    void theStepNamesItsMethodsAndRefusedPasskeyAnswersCountLikeWrongCodes() {
        Enrolled user = enrolled("totp-passkey-step");
        Reply step = http.login(user.email(), PASSWORD);
        assertProblem(401, "urn:accounts:problem:mfa-required", step);
        assertEquals(List.of("totp"), step.json().getJsonArray("mfa_methods").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList(), "an account without a passkey");
        String mfaToken = step.json().getString("mfa_token");
        assertProblem(409, "urn:accounts:problem:no-passkey", http.post("/api/users/login/mfa/passkey/options",
                "{\"mfa_token\":\"" + mfaToken + "\"}"));
        assertProblem(401, "urn:accounts:problem:invalid-mfa-token", http.post("/api/users/login/mfa/passkey/options",
                "{\"mfa_token\":\"no-such-token\"}"));
        assertProblem(400, http.post("/api/users/login/mfa/passkey", "{\"mfa_token\":\"" + mfaToken + "\"}"));

        String forged = "{\"mfa_token\":\"" + mfaToken + "\",\"passkey\":{\"credential_id\":\"AAAA\",\"client_data_json\":\"e30\","
                + "\"authenticator_data\":\"AAAA\",\"signature\":\"AAAA\",\"user_handle\":\"AAAA\"}}";
        for (int i = 0; i < 5; i++) {
            Reply refused = http.post("/api/users/login/mfa/passkey", forged);
            assertTrue(refused.status() == 400 || refused.status() == 401, refused::toString);
        }
        assertProblem(401, "urn:accounts:problem:invalid-mfa-token", http.loginMfa(mfaToken, TotpCodes.next(user.secret())));
        assertProblem(429, http.login(user.email(), PASSWORD));
    }

    @Test
    void aCodeIsAcceptedOnce() {
        Enrolled user = enrolled("totp-replay");
        assertProblem(401, "urn:accounts:problem:invalid-code", http.loginMfa(passwordStep(user.email()), user.confirmingCode()));

        String next = TotpCodes.next(user.secret());
        assertEquals(200, http.loginMfa(passwordStep(user.email()), next).status());
        assertProblem(401, "urn:accounts:problem:invalid-code", http.loginMfa(passwordStep(user.email()), next));
    }

    @Test
    void aRecoveryCodeLogsInOnce() {
        Enrolled user = enrolled("totp-recovery");
        String code = user.recoveryCodes().get(3);
        Reply tokens = http.loginMfa(passwordStep(user.email()), code.toUpperCase().replace("-", ""));
        assertEquals(200, tokens.status(), tokens::toString);
        assertEquals(9, http.get("/api/users/me/mfa", tokens.token()).json().getInt("recovery_codes_left"));
        assertProblem(401, "urn:accounts:problem:invalid-code", http.loginMfa(passwordStep(user.email()), code));
    }

    @Test
    void wrongCodesEndTheSecondStepAndLockTheAccountLikeWrongPasswords() {
        Enrolled user = enrolled("totp-throttle");
        String mfaToken = passwordStep(user.email());
        String wrong = wrongCode(user.secret());
        for (int i = 0; i < 5; i++) {
            assertProblem(401, "urn:accounts:problem:invalid-code", http.loginMfa(mfaToken, wrong));
        }
        assertProblem(401, "urn:accounts:problem:invalid-mfa-token", http.loginMfa(mfaToken, TotpCodes.next(user.secret())));
        Reply locked = http.login(user.email(), PASSWORD);
        assertProblem(429, locked);
        assertTrue(Long.parseLong(locked.header("Retry-After")) > 0, locked::toString);
    }

    @Test
    void newRecoveryCodesVoidTheOldOnes() {
        Enrolled user = enrolled("totp-regenerate");
        Reply renewed = http.postWith(user.token(), "/api/users/me/mfa/recovery-codes", "{\"code\":\"" + user.recoveryCodes().get(0) + "\"}");
        assertEquals(200, renewed.status(), renewed::toString);
        List<String> codes = SecondFactors.codesOf(renewed);
        assertEquals(10, codes.size());
        assertFalse(codes.contains(user.recoveryCodes().get(1)));

        assertProblem(401, "urn:accounts:problem:invalid-code", http.loginMfa(passwordStep(user.email()), user.recoveryCodes().get(1)));
        assertEquals(200, http.loginMfa(passwordStep(user.email()), codes.get(1)).status());
        assertProblem(403, "urn:accounts:problem:invalid-code",
                http.postWith(user.token(), "/api/users/me/mfa/recovery-codes", "{\"code\":\"" + wrongCode(user.secret()) + "\"}"));
    }

    @Test
    void removalNeedsThePasswordAndACodeAndEndsTheOtherSessions() {
        Enrolled user = enrolled("totp-remove");
        String other = http.loginMfa(passwordStep(user.email()), user.recoveryCodes().get(0)).token();
        String current = http.loginMfa(passwordStep(user.email()), user.recoveryCodes().get(1)).token();

        assertProblem(403, "urn:accounts:problem:wrong-password", http.delete("/api/users/me/mfa/totp", current,
                "{\"current_password\":\"not the password\",\"code\":\"" + user.recoveryCodes().get(2) + "\"}"));
        assertProblem(403, "urn:accounts:problem:invalid-code", http.delete("/api/users/me/mfa/totp", current,
                "{\"current_password\":\"" + PASSWORD + "\",\"code\":\"" + wrongCode(user.secret()) + "\"}"));
        Reply removed = http.delete("/api/users/me/mfa/totp", current,
                "{\"current_password\":\"" + PASSWORD + "\",\"code\":\"" + user.recoveryCodes().get(2) + "\"}");
        assertEquals(200, removed.status(), removed::toString);

        assertProblem(401, http.me(other));
        assertEquals(200, http.me(current).status());
        assertFalse(http.get("/api/users/me/mfa", current).json().getBoolean("totp"));
        assertEquals(200, http.login(user.email(), PASSWORD).status(), "the password alone logs in again");
    }

    @Test
    void anAdministratorResetsAFactor() {
        Enrolled user = enrolled("totp-reset");
        String id = Jwt.claims(user.token()).getString("sub");
        String admin = StandardNode.adminToken();
        assertProblem(403, http.delete("/api/admin/users/" + id + "/mfa", user.token(), null));
        assertEquals(204, http.delete("/api/admin/users/" + id + "/mfa", admin, null).status());
        assertEquals(200, http.login(user.email(), PASSWORD).status());
        assertProblem(404, http.delete("/api/admin/users/" + id + "/mfa", admin, null));
    }

    @Test
    void flaskClientsGetTheSameSecondStep() {
        Enrolled user = enrolled("totp-flask");
        Reply reply = http.post("/users/login", "{\"email\":\"" + user.email() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertProblem(401, "urn:accounts:problem:mfa-required", reply);
        assertEquals(200, http.loginMfa(reply.json().getString("mfa_token"), user.recoveryCodes().get(0)).status());
    }

    @Test
    void conflictsAndBadInputAreClearProblems() {
        Enrolled user = enrolled("totp-conflicts");
        assertProblem(409, "urn:accounts:problem:totp-enrolled", http.enrolTotp(user.token()));
        assertProblem(409, "urn:accounts:problem:totp-enrolled", http.confirmTotp(user.token(), TotpCodes.now(user.secret())));
        String fresh = http.register("totp-none", uniqueEmail("totp-none"), PASSWORD).token();
        assertProblem(409, "urn:accounts:problem:no-totp-enrolment", http.confirmTotp(fresh, "123456"));
        assertProblem(400, http.confirmTotp(user.token(), "1".repeat(33)));
        assertProblem(400, http.post("/api/users/login/mfa", "{\"mfa_token\":\"x\"}"));
        assertProblem(400, http.loginMfa("x".repeat(129), "123456"));
        assertProblem(401, "urn:accounts:problem:invalid-mfa-token", http.loginMfa("no-such-token", "123456"));
        assertProblem(401, http.enrolTotp(null));
        assertNotEquals(user.secret(), http.enrolTotp(fresh).json().getString("secret"));
    }
}

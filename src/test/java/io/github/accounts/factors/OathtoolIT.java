package io.github.accounts.factors;

import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.StandardNode;
import io.github.accounts.support.TotpCodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.accounts.support.Problems.assertProblem;
import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TOTP against an implementation of somebody else's: Debian's oathtool (installed by .ci/run; run with the browser
 * tests, {@code -Pbrowser}). It makes the codes that enrol and log in a user of the service, and it agrees with the
 * tests' own {@link TotpCodes} on the RFC's secret and on a fresh one.
 */
@Tag("oathtool")
class OathtoolIT {

    static String oathtool(String secret, long epochSeconds) {
        try {
            Process process = new ProcessBuilder("oathtool", "--totp", "-b", "-N", "@" + epochSeconds, secret)
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "oathtool did not finish");
            assertEquals(0, process.exitValue(), out);
            return out;
        } catch (IOException e) {
            throw new AssertionError("oathtool is not installed (Debian package oathtool; .ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void theTestsOwnCodesAreOathtoolsCodes() {
        String fresh = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        for (long time : List.of(59L, 1_111_111_109L, 1_234_567_890L, 2_000_000_000L, Instant.now().getEpochSecond())) {
            assertEquals(oathtool("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", time), TotpCodes.at("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", time));
            assertEquals(oathtool(fresh, time), TotpCodes.at(fresh, time));
        }
    }

    @Test
    void oathtoolsCodesEnrolAndLogIn() {
        Http http = StandardNode.http();
        String email = uniqueEmail("oathtool");
        String token = http.register("oathtool", email, StandardNode.PASSWORD).token();
        String secret = http.enrolTotp(token).json().getString("secret");
        long now = Instant.now().getEpochSecond();
        assertEquals(200, http.confirmTotp(token, oathtool(secret, now)).status());

        Reply password = http.login(email, StandardNode.PASSWORD);
        assertProblem(401, "urn:accounts:problem:mfa-required", password);
        Reply tokens = http.loginMfa(password.json().getString("mfa_token"), oathtool(secret, now + 30));
        assertEquals(200, tokens.status(), tokens::toString);
    }
}

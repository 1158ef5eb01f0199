package io.github.accounts.support;

import io.github.accounts.support.Http.Reply;
import jakarta.json.JsonString;

import java.util.List;

/** TOTP for the tests' users: enrolment with the tests' own codes, and the login with its second step. */
public final class SecondFactors {

    private SecondFactors() {
    }

    /** A confirmed factor: its secret, its recovery codes, and the code that confirmed it (spent). */
    public record Factor(String secret, List<String> recoveryCodes, String confirmingCode) {
    }

    /** Enrols and confirms an authenticator app for the token's user. */
    public static Factor enrol(Http http, String token) {
        Reply enrolment = http.enrolTotp(token);
        if (enrolment.status() != 200) {
            throw new AssertionError("enrolment refused: " + enrolment);
        }
        String secret = enrolment.json().getString("secret");
        String code = TotpCodes.now(secret);
        Reply confirmed = http.confirmTotp(token, code);
        if (confirmed.status() != 200) {
            throw new AssertionError("confirmation refused: " + confirmed);
        }
        return new Factor(secret, codesOf(confirmed), code);
    }

    public static List<String> codesOf(Reply reply) {
        return reply.json().getJsonArray("recovery_codes").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** The password step (a 401 mfa-required) and the second with {@code code}: the reply with the tokens. */
    public static Reply login(Http http, String email, String password, String code) {
        Reply password1 = http.login(email, password);
        if (password1.status() != 401 || !password1.json().containsKey("mfa_token")) {
            throw new AssertionError("no second step asked for: " + password1);
        }
        return http.loginMfa(password1.json().getString("mfa_token"), code);
    }
}

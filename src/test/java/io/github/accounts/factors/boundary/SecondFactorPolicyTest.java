package io.github.accounts.factors.boundary;

import io.github.accounts.tokens.control.TokenIssuer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecondFactorPolicyTest {

    @Test
    void aUserWithoutAFactorMayStillSeeLeaveAndEnrolOne() {
        assertTrue(SecondFactorPolicy.mayEnrol("users/me"));
        assertTrue(SecondFactorPolicy.mayEnrol("users/logout"));
        assertTrue(SecondFactorPolicy.mayEnrol("tokens/refresh"));
        assertTrue(SecondFactorPolicy.mayEnrol("users/me/mfa"));
        assertTrue(SecondFactorPolicy.mayEnrol("users/me/mfa/totp/confirm"));
        assertTrue(SecondFactorPolicy.mayEnrol("users/me/passkeys/options"));
        assertFalse(SecondFactorPolicy.mayEnrol("users/me/password"));
        assertFalse(SecondFactorPolicy.mayEnrol("users/me/mfax"));
        assertFalse(SecondFactorPolicy.mayEnrol("users/me/export"));
        assertFalse(SecondFactorPolicy.mayEnrol("oidc/userinfo"));
    }

    @Test
    void aPasskeyAfterThePasswordOrAloneIsASecondFactorForTheAdminRule() {
        assertTrue(SecondFactorPolicy.usedSecondFactor(tokenWithAmr("pwd", "hwk", "mfa")), "password, then a passkey");
        assertTrue(SecondFactorPolicy.usedSecondFactor(tokenWithAmr("swk", "mfa")), "a synced passkey alone");
        assertTrue(SecondFactorPolicy.usedSecondFactor(tokenWithAmr("pwd", "otp", "mfa")), "password, then a code");
        assertFalse(SecondFactorPolicy.usedSecondFactor(tokenWithAmr("pwd")), "the password alone");
        assertFalse(SecondFactorPolicy.usedSecondFactor(tokenWithAmr("pwd", "hwk")), "no mfa, no second factor");
        assertEquals(TokenIssuer.ACR_MULTI_FACTOR, TokenIssuer.acrOf(List.of("pwd", "hwk", "mfa")));
    }

    /** A token as the JWT store verifies it: {@code amr} a JSON array. */
    static JsonWebToken tokenWithAmr(String... amr) {
        JsonObject claims = Json.createObjectBuilder().add("amr", Json.createArrayBuilder(List.of(amr))).build();
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "1";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}

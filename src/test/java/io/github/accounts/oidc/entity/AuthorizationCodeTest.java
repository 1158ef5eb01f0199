package io.github.accounts.oidc.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizationCodeTest {

    static final long NOW = 1_800_000_000L;

    static AuthorizationCode code() {
        return new AuthorizationCode("hash", "client", "https://app.example.com/cb", "challenge", "openid", null, 7, "sid", NOW, NOW);
    }

    @Test
    void livesSixtySecondsAtMost() {
        assertTrue(AuthorizationCode.LIFETIME_SECONDS <= 60);
        assertTrue(code().redeemableBy("client", "https://app.example.com/cb", NOW + 59));
        assertFalse(code().redeemableBy("client", "https://app.example.com/cb", NOW + 60));
    }

    @Test
    void isBoundToItsClientAndRedirectUri() {
        assertFalse(code().redeemableBy("other", "https://app.example.com/cb", NOW));
        assertFalse(code().redeemableBy("client", "https://app.example.com/other", NOW));
        assertFalse(code().redeemableBy("client", null, NOW));
    }

    @Test
    void isSingleUse() {
        AuthorizationCode code = code();
        code.spend(NOW + 1, "session");
        assertTrue(code.isSpent());
        assertFalse(code.redeemableBy("client", "https://app.example.com/cb", NOW + 2));
    }

    @Test
    void carriesHowTheSignInWasMade() {
        AuthorizationCode code = code();
        assertEquals(List.of("pwd"), code.amr());
        code.authenticatedBy(List.of("pwd", "otp", "mfa"));
        assertEquals(List.of("pwd", "otp", "mfa"), code.amr());
    }
}

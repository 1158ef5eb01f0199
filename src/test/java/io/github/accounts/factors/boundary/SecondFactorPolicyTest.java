package io.github.accounts.factors.boundary;

import org.junit.jupiter.api.Test;

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
}

package io.github.accounts.factors.boundary;

import io.github.accounts.problems.control.ProblemException;

import java.util.List;
import java.util.Map;

/** 401 after the right password of a user with a second factor: the {@code mfa_token} finishes the login. */
public class MfaRequiredException extends ProblemException {

    private final String mfaToken;

    public MfaRequiredException(String mfaToken, long validSeconds) {
        super(401, "urn:accounts:problem:mfa-required", "Second factor required",
                "Send a code of your authenticator app (or a recovery code) with this mfa_token to POST /api/users/login/mfa"
                        + " within " + validSeconds + " seconds", List.of(), 0, Map.of("mfa_token", mfaToken));
        this.mfaToken = mfaToken;
    }

    public String mfaToken() {
        return mfaToken;
    }
}

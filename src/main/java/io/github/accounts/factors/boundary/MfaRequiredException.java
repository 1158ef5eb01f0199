package io.github.accounts.factors.boundary;

import io.github.accounts.problems.control.ProblemException;
import jakarta.json.spi.JsonProvider;

import java.util.List;
import java.util.Map;

/**
 * 401 after the right password of a user with a second factor: the {@code mfa_token} finishes the login with one of
 * the {@code mfa_methods} ({@code totp}, {@code passkey}).
 */
public class MfaRequiredException extends ProblemException {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final String mfaToken;
    private final List<String> methods;

    public MfaRequiredException(String mfaToken, long validSeconds, List<String> methods) {
        super(401, "urn:accounts:problem:mfa-required", "Second factor required",
                "Finish the login within " + validSeconds + " seconds with this mfa_token and one of the mfa_methods:"
                        + " a code of your authenticator app (or a recovery code) at POST /api/users/login/mfa, or a passkey"
                        + " (options from POST /api/users/login/mfa/passkey/options, the assertion to POST /api/users/login/mfa/passkey)",
                List.of(), 0, Map.of("mfa_token", JSON.createValue(mfaToken),
                        "mfa_methods", JSON.createArrayBuilder(methods).build()));
        this.mfaToken = mfaToken;
        this.methods = List.copyOf(methods);
    }

    public String mfaToken() {
        return mfaToken;
    }

    /** How this second step may be made: {@link SecondStep#TOTP}, {@link SecondStep#PASSKEY}. */
    public List<String> methods() {
        return methods;
    }
}

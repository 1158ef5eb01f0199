package io.github.accounts.passkeys.boundary;

import io.github.accounts.problems.control.ProblemException;

/**
 * A WebAuthn response that was well-formed but is not accepted: a stale challenge, an unknown credential, a bad
 * signature, a counter that did not move forward. 401 at login, 400 at registration.
 */
public class PasskeyRefusedException extends ProblemException {

    public static final String TYPE = "urn:accounts:problem:passkey-refused";

    public PasskeyRefusedException(int status, String detail) {
        super(status, TYPE, "Passkey refused", detail);
    }
}

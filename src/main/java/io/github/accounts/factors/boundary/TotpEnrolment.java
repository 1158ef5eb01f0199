package io.github.accounts.factors.boundary;

import jakarta.json.bind.annotation.JsonbProperty;

/** A new TOTP secret (Base32) and the {@code otpauth://} URI an authenticator app reads from a QR code. */
public record TotpEnrolment(String secret, @JsonbProperty("otpauth_uri") String otpauthUri) {
}

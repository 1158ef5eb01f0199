package io.github.accounts.passkeys.boundary;

import io.github.accounts.passkeys.entity.Passkey;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Instant;

/** A passkey as its owner sees it: never its key or credential id. */
public record PasskeyView(long id, String name,
                          @JsonbProperty("created_at") Instant createdAt,
                          @JsonbProperty("last_used_at") Instant lastUsedAt,
                          @JsonbProperty("backup_eligible") boolean backupEligible,
                          @JsonbProperty("backed_up") boolean backedUp,
                          @JsonbProperty("attestation_format") String attestationFormat) {

    static PasskeyView of(Passkey passkey) {
        return new PasskeyView(passkey.getId(), passkey.getName(), Instant.ofEpochMilli(passkey.getCreatedAt()),
                passkey.getLastUsedAt() == null ? null : Instant.ofEpochMilli(passkey.getLastUsedAt()),
                passkey.isBackupEligible(), passkey.isBackupState(), passkey.getAttestationFormat());
    }
}

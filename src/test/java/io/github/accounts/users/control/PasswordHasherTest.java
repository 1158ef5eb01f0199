package io.github.accounts.users.control;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    static PasswordHasher hasher;

    @BeforeAll
    static void create() {
        hasher = new PasswordHasher();
        hasher.init();
    }

    @Test
    void hashesAreArgon2idPhcStringsWithAtLeastOwaspParameters() {
        String hash = hasher.hash("correct horse");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("correct horse"), hasher.hash("correct horse"));
    }

    @Test
    void verifiesExactlyThePasswordThatWasHashed() {
        String hash = hasher.hash("비밀번호 12 ");
        assertTrue(hasher.verify(hash, "비밀번호 12 "));
        assertFalse(hasher.verify(hash, "비밀번호 12"));
        assertFalse(hasher.verify(hash, "비밀번호 12  "));
    }

    @Test
    void unreadableOrForeignHashesNeverMatch() {
        assertFalse(hasher.verify(null, "x"));
        assertFalse(hasher.verify("", "x"));
        assertFalse(hasher.verify("$argon2id$garbage", "x"));
        assertFalse(hasher.verify("$pbkdf2-sha256$29000$jVFK6X0PwVir9f7fGwOAMA$rMdVb0ehtTZm8TGUZ4XRAbq5/GQJHrrDM4ySwPPFOrU", "1234"));
    }
}

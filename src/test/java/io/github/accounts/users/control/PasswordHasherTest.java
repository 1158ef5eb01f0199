package io.github.accounts.users.control;

import java.util.Map;
import io.github.accounts.operations.control.Metrics;
import io.github.accounts.settings.control.Settings;
import io.github.accounts.problems.control.ServiceBusyException;
import io.github.accounts.users.control.PasswordHasher.Verification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    static PasswordHasher hasher;

    static PasswordHasher hasher(int memoryKib, int iterations, int parallelism) {
        PasswordHasher hasher = new PasswordHasher();
        hasher.settings = Settings.of(Map.of("PASSWORD_HASH_MEMORY_KIB", "" + memoryKib, "PASSWORD_HASH_ITERATIONS", "" + iterations,
                "PASSWORD_HASH_PARALLELISM", "" + parallelism, "LEGACY_PASSWORD_PEPPER", "yh*hello12", "PASSWORD_HASH_WAIT_MILLIS", "250"));
        hasher.metrics = new Metrics();
        hasher.init();
        return hasher;
    }

    @BeforeAll
    static void create() {
        hasher = hasher(19456, 2, 1);
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
        assertEquals(Verification.MATCH, hasher.verify(hash, "비밀번호 12 "));
        assertEquals(Verification.NO_MATCH, hasher.verify(hash, "비밀번호 12"));
        assertEquals(Verification.NO_MATCH, hasher.verify(hash, "비밀번호 12  "));
    }

    @Test
    void hashesMadeWithWeakerParametersMatchButAskForAnUpgrade() {
        String weaker = hasher(7168, 5, 1).hash("correct horse");
        assertEquals(Verification.MATCH_NEEDS_UPGRADE, hasher.verify(weaker, "correct horse"));
        assertEquals(Verification.NO_MATCH, hasher.verify(weaker, "wrong horse"));
        assertEquals(Verification.MATCH_NEEDS_UPGRADE, hasher(24576, 2, 1).verify(hasher.hash("x y z"), "x y z"));
        assertEquals(Verification.MATCH, hasher(19456, 2, 1).verify(hasher(24576, 3, 1).hash("x y z"), "x y z"));
    }

    @Test
    void theFlaskAppsHashesMatchWithItsPepperAndAskForAnUpgrade() {
        String flask = "$pbkdf2-sha256$29000$jVFK6X0PwVir9f7fGwOAMA$rMdVb0ehtTZm8TGUZ4XRAbq5/GQJHrrDM4ySwPPFOrU";
        assertEquals(Verification.MATCH_NEEDS_UPGRADE, hasher.verify(flask, "1234"));
        assertEquals(Verification.NO_MATCH, hasher.verify(flask, "12345"));
    }

    @Test
    void unreadableOrForeignHashesNeverMatch() {
        assertEquals(Verification.NO_MATCH, hasher.verify(null, "x"));
        assertEquals(Verification.NO_MATCH, hasher.verify("", "x"));
        assertEquals(Verification.NO_MATCH, hasher.verify("$argon2id$garbage", "x"));
        assertEquals(Verification.NO_MATCH, hasher.verify("$2a$10$abcdefghijklmnopqrstuv", "x"));
        assertEquals(Verification.NO_MATCH, hasher.verify("$pbkdf2-sha256$29000$bad", "x"));
    }

    @Test
    void parametersBelowOwaspStopTheStart() {
        assertThrows(IllegalStateException.class, () -> hasher(4096, 10, 1));
        assertThrows(IllegalStateException.class, () -> hasher(19456, 1, 1));
        assertThrows(IllegalStateException.class, () -> hasher(7168, 4, 1));
        assertThrows(IllegalStateException.class, () -> hasher(19456, 2, 0));
    }

    @Test
    void passwordsAreComparedInNfkcSoEveryWayOfTypingThemMatches() {
        String composed = "\uD55C\uAE00 pass";          // 한글, as most keyboards type it
        String decomposed = "\u1112\u1161\u11AB\u1100\u1173\u11AF pass"; // the same letters as jamo (macOS file names, some IMEs)
        String hash = hasher.hash(decomposed);
        assertEquals(Verification.MATCH, hasher.verify(hash, composed));
        assertEquals(Verification.MATCH, hasher.verify(hasher.hash("\uFF30\uFF41\uFF53\uFF53 word"), "Pass word"), "full-width letters");
        assertEquals(Verification.NO_MATCH, hasher.verify(hash, "\uD55C\uAE00 Pass"));
    }

    @Test
    void aHashOfThePasswordAsTypedStillVerifiesAndAsksForAnUpgrade() {
        String typed = "\u1112\u1161\u11AB pass";
        String before = de.mkammerer.argon2.Argon2Factory.create(de.mkammerer.argon2.Argon2Factory.Argon2Types.ARGON2id)
                .hash(2, 19456, 1, typed.toCharArray());
        assertEquals(Verification.MATCH_NEEDS_UPGRADE, hasher.verify(before, typed));
        assertEquals(Verification.NO_MATCH, hasher.verify(before, "\u1112\u1161\u11AB Pass"));
    }

    @Test
    void withoutAFreeCoreWithinTheWaitTheAnswerIs503WithRetryAfter() {
        PasswordHasher busy = hasher(19456, 2, 1);
        busy.waitMillis = 50;
        String hash = busy.hash("correct horse");
        int cores = busy.cores.drainPermits();
        try {
            long start = System.nanoTime();
            ServiceBusyException refused = assertThrows(ServiceBusyException.class, () -> busy.verify(hash, "correct horse"));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMillis >= 45 && waitedMillis < 1000, "waited " + waitedMillis + " ms");
            assertEquals(503, refused.problem().status());
            assertEquals(1, refused.problem().retryAfterSeconds());
            assertThrows(ServiceBusyException.class, () -> busy.verifyDummy("x"));
            assertThrows(ServiceBusyException.class, () -> busy.hash("x"));
        } finally {
            busy.cores.release(cores);
        }
        assertEquals(Verification.MATCH, busy.verify(hash, "correct horse"), "a freed core checks again");
    }

    @Test
    void theWaitMustBeBounded() {
        assertThrows(IllegalStateException.class, () -> Settings.of(Map.of("PASSWORD_HASH_WAIT_MILLIS", "0")));
        assertThrows(IllegalStateException.class, () -> Settings.of(Map.of("PASSWORD_HASH_WAIT_MILLIS", "60001")));
    }
}

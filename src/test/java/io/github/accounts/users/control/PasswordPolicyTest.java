package io.github.accounts.users.control;

import java.util.Map;
import io.github.accounts.settings.control.Settings;
import io.github.accounts.problems.control.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    static PasswordPolicy policy(int min, int max) {
        PasswordPolicy policy = new PasswordPolicy();
        policy.settings = Settings.of(Map.of("PASSWORD_MIN_LENGTH", "" + min, "PASSWORD_MAX_LENGTH", "" + max));
        policy.readSettings();
        return policy;
    }

    static String refusal(PasswordPolicy policy, String password, String email, String username) {
        return assertThrows(InvalidInputException.class, () -> policy.check(password, email, username)).getMessage();
    }

    @Test
    void lengthIsCountedInCharactersAsEntered() {
        PasswordPolicy policy = policy(8, 128);
        assertDoesNotThrow(() -> policy.check("kx8!qv2#", "a@b.co", "al"));
        assertDoesNotThrow(() -> policy.check("😀😀😀😀😀😀😀😀", "a@b.co", "al"));
        assertDoesNotThrow(() -> policy.check("kq".repeat(64), "a@b.co", "al"));
        assertEquals("password: must be at least 8 characters", refusal(policy, "kx8!qv2", "a@b.co", "al"));
        assertEquals("password: must be at most 128 characters", refusal(policy, "kq".repeat(64) + "k", "a@b.co", "al"));
    }

    @Test
    void limitsAreConfigurable() {
        PasswordPolicy policy = policy(12, 64);
        assertThrows(InvalidInputException.class, () -> policy.check("kx8!qv2#zz1", "a@b.co", "al"));
        assertDoesNotThrow(() -> policy.check("kx8!qv2#zz1w", "a@b.co", "al"));
        assertThrows(InvalidInputException.class, () -> policy.check("kq".repeat(33), "a@b.co", "al"));
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        PasswordPolicy policy = policy(8, 128);
        assertTrue(CommonPasswords.size() >= 10_000, "list size " + CommonPasswords.size());
        for (String common : new String[]{"password", "PASSWORD", "12345678", "iloveyou", "sunshine", "football1"}) {
            assertTrue(refusal(policy, common, "a@b.co", "al").startsWith("password: is too common"), common);
        }
    }

    @Test
    void thePasswordMustNotContainTheUsersOwnEmailOrName() {
        PasswordPolicy policy = policy(8, 128);
        assertEquals("password: must not contain your email address", refusal(policy, "x-Hong@Example.com-1", "hong@example.com", "gil"));
        assertEquals("password: must not contain your username", refusal(policy, "my name is 홍길동!", "h@example.com", "홍길동"));
        assertDoesNotThrow(() -> policy.check("al is not my name at all", "h@example.com", "al"));
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals("password: must not contain control characters", refusal(policy(8, 128), "tab\there-x9", "a@b.co", "al"));
    }

    @Test
    void nonsensicalLimitsStopTheStart() {
        assertThrows(IllegalStateException.class, () -> policy(0, 10));
        assertThrows(IllegalStateException.class, () -> policy(10, 9));
        assertThrows(IllegalStateException.class, () -> policy(8, 100_000));
    }
}

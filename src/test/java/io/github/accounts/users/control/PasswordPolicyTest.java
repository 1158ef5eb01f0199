package io.github.accounts.users.control;

import io.github.accounts.problems.boundary.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordPolicyTest {

    static PasswordPolicy policy(int min, int max) {
        PasswordPolicy policy = new PasswordPolicy();
        policy.minLength = min;
        policy.maxLength = max;
        policy.validate();
        return policy;
    }

    @Test
    void lengthIsCountedInCharactersAsEntered() {
        PasswordPolicy policy = policy(8, 128);
        assertDoesNotThrow(() -> policy.check("12345678"));
        assertDoesNotThrow(() -> policy.check("😀😀😀😀😀😀😀😀"));
        assertDoesNotThrow(() -> policy.check("x".repeat(128)));
        InvalidInputException tooShort = assertThrows(InvalidInputException.class, () -> policy.check("1234567"));
        assertEquals("password: must be at least 8 characters", tooShort.getMessage());
        assertEquals("password: must be at most 128 characters",
                assertThrows(InvalidInputException.class, () -> policy.check("x".repeat(129))).getMessage());
    }

    @Test
    void limitsAreConfigurable() {
        PasswordPolicy policy = policy(12, 64);
        assertThrows(InvalidInputException.class, () -> policy.check("12345678901"));
        assertDoesNotThrow(() -> policy.check("123456789012"));
        assertThrows(InvalidInputException.class, () -> policy.check("x".repeat(65)));
    }

    @Test
    void nonsensicalLimitsStopTheStart() {
        assertThrows(IllegalStateException.class, () -> policy(0, 10));
        assertThrows(IllegalStateException.class, () -> policy(10, 9));
        assertThrows(IllegalStateException.class, () -> policy(8, 100_000));
    }
}

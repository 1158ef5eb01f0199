package io.github.accounts.users.boundary;

import io.github.accounts.sessions.boundary.RefreshRequest;
import io.github.accounts.users.control.PasswordPolicy;
import io.github.accounts.users.entity.User;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestValidationTest {

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void create() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static Map<String, String> violations(Object request) {
        Map<String, String> byField = new TreeMap<>();
        Set<? extends ConstraintViolation<?>> found = validator.validate(request);
        found.forEach(v -> byField.put(v.getPropertyPath().toString(), v.getMessage()));
        return byField;
    }

    static Set<String> allViolations(Object request) {
        Set<String> all = new java.util.TreeSet<>();
        validator.validate(request).forEach(v -> all.add(v.getPropertyPath() + ": " + v.getMessage()));
        return all;
    }

    @Test
    void aValidRegistrationHasNoViolations() {
        assertEquals(Map.of(), violations(new RegistrationRequest("홍길동", "abc@naver.com", "kx8!qv2#")));
    }

    @Test
    void usernamesAreTrimmedAndNormalizedBeforeTheyAreMeasured() {
        RegistrationRequest request = new RegistrationRequest("  " + "e\u0301".repeat(50) + "  ", "a@b.co", "x");
        assertEquals("é".repeat(50), request.username());
        assertEquals(Map.of(), violations(request));
        assertEquals(Map.of("username", "must be at most 50 characters"),
                violations(new RegistrationRequest("x".repeat(51), "a@b.co", "x")));
    }

    @Test
    void everyMissingFieldIsNamed() {
        assertEquals(Map.of("email", "is required", "password", "is required", "username", "is required"),
                violations(new RegistrationRequest(null, null, null)));
        assertEquals(Map.of("email", "is required", "password", "is required"), violations(new LoginRequest(" ", "")));
    }

    @Test
    void controlCharactersAndBadEmailsAreRefused() {
        assertEquals(Map.of("username", "must not contain control characters", "email", "must be a valid email address"),
                violations(new RegistrationRequest("a\u0007b", "a@b", "x")));
    }

    @Test
    void passwordsAreNeverInToString() {
        assertEquals(false, new RegistrationRequest("a", "a@b.co", "hunter22").toString().contains("hunter22"));
        assertEquals(false, new LoginRequest("a@b.co", "hunter22").toString().contains("hunter22"));
    }

    @Test
    void everyFieldHasALengthBound() {
        String email = "a".repeat(User.EMAIL_MAX - 5) + "@b.co";
        String password = "p".repeat(PasswordPolicy.MAX_REQUEST_LENGTH);
        assertEquals(Map.of(), violations(new LoginRequest(email, password)));
        assertEquals(Map.of("email", "must be at most 254 characters", "password", "is too long"),
                violations(new LoginRequest(email + "x", password + "p")));
        // an over-long address is a wrong one too: both are said
        assertEquals(Set.of("email: must be a valid email address", "email: must be at most 254 characters", "password: is too long",
                        "username: must be at most 50 characters"),
                allViolations(new RegistrationRequest("x".repeat(300), "a".repeat(300) + "@b.co", password + "p")));
        assertEquals(Map.of(), violations(new PasswordChange(password, password)));
        assertEquals(Map.of("currentPassword", "is too long", "newPassword", "is too long"),
                violations(new PasswordChange(password + "p", password + "p")));
        assertEquals(Map.of(), violations(new RefreshRequest("r".repeat(RefreshRequest.MAX_LENGTH))));
        assertEquals(Map.of("refreshToken", "is not a refresh token"),
                violations(new RefreshRequest("r".repeat(RefreshRequest.MAX_LENGTH + 1))));
    }

    @Test
    void theLongestPasswordAPolicyMayAllowFitsTheRequestBound() {
        // PASSWORD_MAX_LENGTH may be 1024 characters; each may be a surrogate pair in the request's UTF-16
        assertEquals(Map.of(), violations(new LoginRequest("a@b.co", "\uD83D\uDE00".repeat(1024))));
    }
}

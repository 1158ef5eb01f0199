package io.github.accounts.factors.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MfaRequiredExceptionTest {

    @Test
    void theProblemNamesTheTokenAndTheMethodsOfTheSecondStep() {
        JsonObject problem = Json.createReader(new StringReader(
                new MfaRequiredException("t0ken", 300, List.of(SecondStep.TOTP, SecondStep.PASSKEY)).problem().toJson())).readObject();
        assertEquals("urn:accounts:problem:mfa-required", problem.getString("type"));
        assertEquals(401, problem.getInt("status"));
        assertEquals("t0ken", problem.getString("mfa_token"));
        assertEquals(List.of("totp", "passkey"), problem.getJsonArray("mfa_methods").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
    }
}

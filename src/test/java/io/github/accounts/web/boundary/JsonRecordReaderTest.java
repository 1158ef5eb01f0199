package io.github.accounts.web.boundary;

import io.github.accounts.problems.control.InvalidInputException;
import io.github.accounts.problems.control.PayloadTooLargeException;
import io.github.accounts.problems.control.ProblemException;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRecordReaderTest {

    record Sample(String name, String note) {
    }

    final JsonRecordReader reader = new JsonRecordReader();

    @SuppressWarnings({"unchecked", "rawtypes"})
    Sample read(byte[] body) throws IOException {
        return (Sample) reader.readFrom((Class) Sample.class, Sample.class, null, MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(body));
    }

    Sample read(String body) throws IOException {
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsStringsAndLeavesMissingOrNullFieldsNull() throws IOException {
        assertEquals(new Sample("김", null), read("{\"name\":\"김\",\"note\":null,\"extra\":1}"));
        assertNull(read("{}").name());
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("{\"name\":5,\"note\":[]}"));
        assertEquals(List.of(new ProblemException.FieldError("name", "must be a string"),
                new ProblemException.FieldError("note", "must be a string")), e.problem().errors());
    }

    @Test
    void onlyAJsonObjectIsABody() {
        assertEquals("The request body must be a JSON object, not an array",
                assertThrows(InvalidInputException.class, () -> read("[]")).getMessage());
        assertEquals("The request body must be a JSON object, not null",
                assertThrows(InvalidInputException.class, () -> read("null")).getMessage());
        assertEquals("The request body is required: a JSON object",
                assertThrows(InvalidInputException.class, () -> read("")).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> read("{\"name\":")).getMessage()
                .startsWith("The request body is not valid JSON"));
        assertEquals("The request body is not valid UTF-8",
                assertThrows(InvalidInputException.class, () -> read(new byte[]{'{', '"', (byte) 0xC3, '"', '}'})).getMessage());
    }

    @Test
    void bodiesOverTheLimitAreTooLarge() throws IOException {
        String padding = " ".repeat(JsonRecordReader.MAX_BODY_BYTES - 2);
        assertEquals(new Sample(null, null), read("{" + padding + "}"));
        assertThrows(PayloadTooLargeException.class, () -> read("{ " + padding + "}"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws IOException {
        int inner = JsonRecordReader.MAX_DEPTH - 1;
        assertEquals(List.of(new ProblemException.FieldError("note", "must be a string")),
                assertThrows(InvalidInputException.class, () -> read("{\"note\":" + "[".repeat(inner) + "]".repeat(inner) + "}"))
                        .problem().errors(), "a nested value of the limit's depth is read (and refused as the wrong type)");
        assertEquals(new Sample("a", null), read("{\"name\":\"a\",\"extra\":" + "[".repeat(inner) + "]".repeat(inner) + "}"));
        assertEquals(new Sample("a", null), read("{\"name\":\"a\",\"extra\":" + "{\"x\":".repeat(inner) + "1" + "}".repeat(inner) + "}"));
        for (int depth : new int[]{JsonRecordReader.MAX_DEPTH, 5_000, 30_000}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> read("{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + "}"));
            assertEquals("The request body is nested more than " + JsonRecordReader.MAX_DEPTH + " levels deep", e.getMessage());
        }
        assertEquals("The request body is nested more than " + JsonRecordReader.MAX_DEPTH + " levels deep",
                assertThrows(InvalidInputException.class, () -> read("{\"x\":" + "[".repeat(5_000))).getMessage(),
                "an unterminated deep body fails on its depth before its end");
    }

    @Test
    void overlongNumbersAreRefusedBeforeAnythingConvertsThem() throws IOException {
        String longest = "9".repeat(JsonRecordReader.MAX_NUMBER_LENGTH);
        assertEquals(List.of(new ProblemException.FieldError("name", "must be a string")),
                assertThrows(InvalidInputException.class, () -> read("{\"name\":" + longest + "}")).problem().errors());
        assertEquals(new Sample(null, null), read("{\"extra\":[" + longest + ",-1.5e300]}"));
        for (String number : List.of("9".repeat(5_000), "1" + "0".repeat(JsonRecordReader.MAX_NUMBER_LENGTH), "1e" + "9".repeat(100),
                "0." + "1".repeat(2_000))) {
            for (String body : List.of("{\"name\":" + number + "}", "{\"extra\":[" + number + "]}", "{\"extra\":{\"a\":" + number + "}}")) {
                assertEquals("The request body has a number of more than " + JsonRecordReader.MAX_NUMBER_LENGTH + " characters",
                        assertThrows(InvalidInputException.class, () -> read(body)).getMessage(), body);
            }
        }
    }

    @Test
    void aKeyTwiceInOneObjectIsRefused() throws IOException {
        InvalidInputException top = assertThrows(InvalidInputException.class, () -> read("{\"name\":\"a\",\"name\":\"b\"}"));
        assertEquals(List.of(new ProblemException.FieldError("name", "is given more than once")), top.problem().errors());
        assertEquals("The request body has an object with the same key twice",
                assertThrows(InvalidInputException.class, () -> read("{\"extra\":{\"k\":1,\"k\":2}}")).getMessage());
        assertEquals("The request body has an object with the same key twice",
                assertThrows(InvalidInputException.class, () -> read("{\"<script>\":1,\"<script>\":2}")).getMessage(),
                "a key that is no field name is not repeated back");
        assertEquals(new Sample("a", null), read("{\"name\":\"a\",\"extra\":[{\"k\":1},{\"k\":2}],\"k\":{\"k\":{}}}"),
                "the same key in different objects is fine");
    }

    @Test
    void wrongTypesOfEveryKindAreNamed() {
        for (String value : List.of("1", "-0.5", "true", "false", "[]", "[\"a\"]", "{}", "{\"a\":\"b\"}")) {
            assertEquals(List.of(new ProblemException.FieldError("name", "must be a string")),
                    assertThrows(InvalidInputException.class, () -> read("{\"name\":" + value + "}")).problem().errors(), value);
        }
    }

    @Test
    void anythingAfterTheObjectIsRefused() {
        assertThrows(InvalidInputException.class, () -> read("{} {}"));
        assertThrows(InvalidInputException.class, () -> read("{}x"));
        assertEquals("The request body must be a JSON object, not a number",
                assertThrows(InvalidInputException.class, () -> read("9".repeat(5_000))).getMessage());
    }
}

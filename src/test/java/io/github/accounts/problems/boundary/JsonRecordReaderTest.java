package io.github.accounts.problems.boundary;

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
}

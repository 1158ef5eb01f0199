package io.github.accounts.web.boundary;

import io.github.accounts.problems.control.InvalidInputException;
import io.github.accounts.problems.control.PayloadTooLargeException;
import io.github.accounts.problems.control.ProblemException;
import io.github.accounts.web.control.JsonNames;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON object into a request record, strictly: the body must be one JSON object of at most
 * {@link #MAX_BODY_BYTES}, in UTF-8, nested at most {@link #MAX_DEPTH} deep, with no number longer than
 * {@link #MAX_NUMBER_LENGTH} characters and no key twice in one object; each field must have the record
 * component's JSON type (only strings are used by requests today). Missing fields and JSON null become null,
 * left to Bean Validation. The body is read as a stream of events, so no limit of the JSON library (which fails
 * with exceptions of its own) is ever reached.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonRecordReader implements MessageBodyReader<Record> {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Requests are flat objects; anything deeper than this is no request of ours. */
    public static final int MAX_DEPTH = 16;
    /** No request has a number field; a number longer than this is refused before anything converts it. */
    public static final int MAX_NUMBER_LENGTH = 64;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        Map<String, Object> json = parseObject(readLimited(body));
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<ProblemException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = JsonNames.of(type, components[i]);
            Object value = json.get(name);
            if (value == null || value == JsonValue.ValueType.NULL) {
                continue;
            }
            if (types[i] == String.class && value instanceof String string) {
                values[i] = string;
            } else {
                errors.add(new ProblemException.FieldError(name, "must be a " + jsonTypeOf(types[i])));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return construct(type, types, values);
    }

    static byte[] readLimited(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(MAX_BODY_BYTES);
        }
        return bytes;
    }

    /**
     * The members of the body's JSON object: a string member's value as a {@code String}, any other member's
     * value as its {@link JsonValue.ValueType} (nested values are checked, then dropped).
     */
    static Map<String, Object> parseObject(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidInputException("The request body is required: a JSON object");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("The request body is not valid UTF-8");
        }
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            Map<String, Object> members = members(parser);
            if (parser.hasNext()) {
                parser.next();
                throw new InvalidInputException("The request body must be one JSON object, with nothing after it");
            }
            return members;
        } catch (ProblemException e) {
            throw e;
        } catch (JsonParsingException e) {
            throw new InvalidInputException("The request body is not valid JSON (line "
                    + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")");
        } catch (RuntimeException e) {
            // whatever else the parser throws at malformed input (its own limits fail with plain runtime exceptions)
            throw new InvalidInputException("The request body is not valid JSON");
        }
    }

    private static Map<String, Object> members(JsonParser parser) {
        if (!parser.hasNext()) {
            throw new InvalidInputException("The request body is not valid JSON");
        }
        JsonParser.Event first = parser.next();
        if (first != JsonParser.Event.START_OBJECT) {
            throw new InvalidInputException("The request body must be a JSON object, not " + switch (first) {
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                default -> "null";
            });
        }
        Map<String, Object> members = new LinkedHashMap<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            if (members.containsKey(name)) {
                throw duplicate(name);
            }
            JsonParser.Event value = parser.next();
            members.put(name, switch (value) {
                case VALUE_STRING -> parser.getString();
                case VALUE_NUMBER -> number(parser, JsonValue.ValueType.NUMBER);
                case VALUE_TRUE -> JsonValue.ValueType.TRUE;
                case VALUE_FALSE -> JsonValue.ValueType.FALSE;
                case VALUE_NULL -> JsonValue.ValueType.NULL;
                case START_ARRAY -> nested(parser, value, JsonValue.ValueType.ARRAY);
                case START_OBJECT -> nested(parser, value, JsonValue.ValueType.OBJECT);
                default -> throw new InvalidInputException("The request body is not valid JSON");
            });
        }
        return members;
    }

    /**
     * Walks a nested array or object to its end, applying the limits on depth, numbers and keys; only its type is
     * kept. {@code open} holds, per open object, the keys seen in it so far (none for an array).
     */
    private static JsonValue.ValueType nested(JsonParser parser, JsonParser.Event start, JsonValue.ValueType type) {
        Deque<Set<String>> open = new ArrayDeque<>();
        open.push(keysOf(start));
        while (!open.isEmpty()) {
            JsonParser.Event event = parser.next();
            switch (event) {
                case START_ARRAY, START_OBJECT -> {
                    // the body's object is level 1, each open array or object one more, this one too
                    if (1 + open.size() + 1 > MAX_DEPTH) {
                        throw new InvalidInputException("The request body is nested more than " + MAX_DEPTH + " levels deep");
                    }
                    open.push(keysOf(event));
                }
                case END_ARRAY, END_OBJECT -> open.pop();
                case KEY_NAME -> {
                    if (!open.peek().add(parser.getString())) {
                        throw duplicate(null);
                    }
                }
                case VALUE_NUMBER -> number(parser, null);
                default -> {
                }
            }
        }
        return type;
    }

    /** The keys seen so far in an object just opened; an array has none (and the empty set is never added to). */
    private static Set<String> keysOf(JsonParser.Event start) {
        return start == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of();
    }

    private static JsonValue.ValueType number(JsonParser parser, JsonValue.ValueType type) {
        if (parser.getString().length() > MAX_NUMBER_LENGTH) {
            throw new InvalidInputException("The request body has a number of more than " + MAX_NUMBER_LENGTH + " characters");
        }
        return type;
    }

    /** A key given twice in one object: refused rather than read last-wins; only a top-level key is named. */
    private static InvalidInputException duplicate(String topLevelKey) {
        return topLevelKey != null && topLevelKey.length() <= 64 && topLevelKey.matches("[A-Za-z_]+")
                ? InvalidInputException.field(topLevelKey, "is given more than once")
                : new InvalidInputException("The request body has an object with the same key twice");
    }

    private static String jsonTypeOf(Class<?> type) {
        return type == String.class ? "string" : type.getSimpleName().toLowerCase();
    }

    private static Record construct(Class<Record> type, Class<?>[] types, Object[] values) {
        try {
            Constructor<Record> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

}

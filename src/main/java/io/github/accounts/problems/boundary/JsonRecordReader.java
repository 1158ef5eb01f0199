package io.github.accounts.problems.boundary;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON object into a request record, strictly: the body must be one JSON object of at most
 * {@link #MAX_BODY_BYTES}, in UTF-8, and each field must have the record component's JSON type
 * (only strings are used by requests today). Missing fields and JSON null become null, left to Bean Validation.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonRecordReader implements MessageBodyReader<Record> {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        JsonObject json = parseObject(readLimited(body));
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<ProblemException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = jsonName(type, components[i]);
            JsonValue value = json.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (types[i] == String.class && value instanceof JsonString string) {
                values[i] = string.getString();
            } else {
                errors.add(new ProblemException.FieldError(name, "must be a " + jsonTypeOf(types[i])));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return construct(type, types, values);
    }

    /** The component's JSON name: its {@code @JsonbProperty} (on the field the component declares), or its own. */
    static String jsonName(Class<?> type, RecordComponent component) {
        try {
            JsonbProperty property = type.getDeclaredField(component.getName()).getAnnotation(JsonbProperty.class);
            return property == null || property.value().isEmpty() ? component.getName() : property.value();
        } catch (NoSuchFieldException e) {
            return component.getName();
        }
    }

    static byte[] readLimited(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(MAX_BODY_BYTES);
        }
        return bytes;
    }

    static JsonObject parseObject(byte[] bytes) {
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
        JsonValue value;
        try (var reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new InvalidInputException("The request body is not valid JSON (line "
                    + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")");
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInputException("The request body is not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidInputException("The request body must be a JSON object, not "
                    + (value instanceof JsonStructure ? "an array" : value.getValueType().name().toLowerCase()));
        }
        return object;
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

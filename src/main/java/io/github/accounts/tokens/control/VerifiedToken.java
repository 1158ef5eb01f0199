package io.github.accounts.tokens.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.security.enterprise.CallerPrincipal;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A verified access token as MicroProfile JWT presents it: standard claims in their Java types
 * (String, Long, Set of String), every other claim as a JSON-P value.
 */
public final class VerifiedToken extends CallerPrincipal implements JsonWebToken {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;
    /** The Java type of each standard claim, by name (a lookup here, not an exception per unknown claim). */
    private static final Map<String, Class<?>> STANDARD_TYPES = Arrays.stream(Claims.values())
            .collect(Collectors.toUnmodifiableMap(Claims::name, Claims::getType));

    private final String raw;
    private final transient JsonObject claims;
    private final Set<String> groups;
    private final long expiresAt;

    VerifiedToken(String raw, Map<String, Object> claims) {
        this(raw, JSON.createObjectBuilder(claims).build());
    }

    private VerifiedToken(String raw, JsonObject claims) {
        super(nameOf(claims));
        this.raw = raw;
        this.claims = claims;
        this.groups = claims.get("groups") instanceof JsonArray list ? stringsOf(list) : Set.of();
        this.expiresAt = this.claims.getJsonNumber("exp").longValue();
    }

    long expiresAt() {
        return expiresAt;
    }

    /** MicroProfile JWT's principal name: {@code upn}, else {@code preferred_username}, else {@code sub}. */
    private static String nameOf(JsonObject claims) {
        for (String name : new String[]{"upn", "preferred_username", "sub"}) {
            if (claims.get(name) instanceof JsonString value) {
                return value.getString();
            }
        }
        return null;
    }

    @Override
    public String getName() {
        return super.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return (T) raw;
        }
        JsonValue value = claims.get(name);
        if (value == null) {
            return null;
        }
        Class<?> type = standardType(name);
        if (type == String.class && value instanceof JsonString string) {
            return (T) string.getString();
        }
        if (type == Long.class && value instanceof JsonNumber number) {
            return (T) Long.valueOf(number.longValue());
        }
        if (type == Set.class) {
            return (T) (value instanceof JsonArray array ? stringsOf(array)
                    : value instanceof JsonString one ? Set.of(one.getString()) : Set.of());
        }
        return (T) value;
    }

    private static Class<?> standardType(String name) {
        return STANDARD_TYPES.getOrDefault(name, JsonValue.class);
    }

    private static Set<String> stringsOf(JsonArray array) {
        return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "VerifiedToken[sub=" + getSubject() + ", jti=" + getTokenID() + "]";
    }
}

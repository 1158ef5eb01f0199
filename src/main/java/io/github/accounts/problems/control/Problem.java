package io.github.accounts.problems.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem; it also carries the Flask app's {@code result} and {@code error} fields, and extension members
 * of its own type where one has them (the {@code mfa_token} of {@code mfa-required}).
 */
public record Problem(int status, String type, String title, String detail, List<ProblemException.FieldError> errors,
                      long retryAfterSeconds, Map<String, String> extensions) {

    /** Looked up once: {@code Json.create...} looks the provider up through the class loaders on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:accounts:problem:";

    public static Problem of(int status, String name, String title, String detail) {
        return new Problem(status, TYPE_PREFIX + name, title, detail, List.of(), status == 503 ? 5 : 0, Map.of());
    }

    public Problem withDetail(String newDetail) {
        return new Problem(status, type, title, newDetail, errors, retryAfterSeconds, extensions);
    }

    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("result", "fail")
                .add("error", detail);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors.forEach(e -> list.add(JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        extensions.forEach(json::add);
        return json.build().toString();
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status)
                .type(MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(toJson());
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (retryAfterSeconds > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        }
        return response.build();
    }
}

package io.github.accounts.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the service's API, speaking to it exactly as any REST client would. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public Reply register(String username, String email, String password) {
        return post("/api/users/register", Json.createObjectBuilder()
                .add("username", username).add("email", email).add("password", password).build().toString());
    }

    public Reply login(String email, String password) {
        return post("/api/users/login", Json.createObjectBuilder()
                .add("email", email).add("password", password).build().toString());
    }

    public Reply me(String token) {
        return send(authorized(request("/api/users/me"), token).GET().build());
    }

    public Reply logout(String token) {
        return send(authorized(request("/api/users/logout"), token).DELETE().build());
    }

    /** Makes the token's user an admin with the operator's bootstrap secret; the next token carries the role. */
    public Reply bootstrapAdmin(String token, String secret) {
        return send(authorized(request("/api/admin/bootstrap"), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("secret", secret).build().toString())).build());
    }

    public Reply get(String path, String token) {
        return send(authorized(request(path), token).GET().build());
    }

    /** A JSON POST with the token's authority. */
    public Reply postWith(String token, String path, String json) {
        return send(authorized(request(path), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A DELETE with the token's authority and, unless null, a JSON body. */
    public Reply delete(String path, String token, String json) {
        HttpRequest.Builder request = authorized(request(path), token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method("DELETE", json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Begins a TOTP enrolment: {"secret","otpauth_uri"}. */
    public Reply enrolTotp(String token) {
        return postWith(token, "/api/users/me/mfa/totp", "");
    }

    /** Confirms the enrolment with a code: {"recovery_codes"}. */
    public Reply confirmTotp(String token, String code) {
        return postWith(token, "/api/users/me/mfa/totp/confirm", Json.createObjectBuilder().add("code", code).build().toString());
    }

    /** The second step of a login. */
    public Reply loginMfa(String mfaToken, String code) {
        return post("/api/users/login/mfa", Json.createObjectBuilder().add("mfa_token", mfaToken).add("code", code).build().toString());
    }

    public Reply post(String path, String json) {
        return post(path, "application/json", json);
    }

    public Reply post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: its status, headers and body. */
    public record Reply(int status, HttpResponse<String> response) {

        public String body() {
            return response.body();
        }

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON object (status " + status + "): " + response.body(), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String token() {
            return json().getString("access_token");
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }
}

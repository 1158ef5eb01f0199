package io.github.accounts.problems.boundary;

import io.github.accounts.problems.control.Problem;

/** The problem for a bare HTTP status raised by the server or JAX-RS rather than by our code. */
public final class HttpProblems {

    private HttpProblems() {
    }

    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "invalid-request", "Invalid request", "The request could not be understood");
            case 401 -> Problem.of(401, "unauthorized", "Unauthorized", "A valid access token is required");
            case 403 -> Problem.of(403, "forbidden", "Forbidden", "This access token does not grant access to this resource");
            case 404 -> Problem.of(404, "not-found", "Not found", "There is no such resource");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "This resource does not support the request method");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "This resource answers in application/json only");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large", "The request body is too large");
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", "The request body must be application/json");
            case 503 -> Problem.of(503, "service-unavailable", "Service unavailable", "The service is temporarily unavailable, try again later");
            default -> status >= 500
                    ? Problem.of(500, "internal-error", "Internal error", "The request could not be completed")
                    : Problem.of(status, "http-" + status, "Request failed", "The request failed with status " + status);
        };
    }
}

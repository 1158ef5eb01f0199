package io.github.accounts;

import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.StandardNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fuzz test: 10,000 generated requests (bodies with deep nesting and huge numbers among them, content types,
 * authorization headers) at register, login and refresh, from a fixed seed so that a failure can be replayed. Whatever they are, the answer is never a
 * 5xx, always problem JSON on error, and never shows an exception or a class name.
 */
class FuzzIT {

    static final int REQUESTS = 10_000;
    static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    static final List<String> PATHS = List.of("/api/users/register", "/api/users/login", "/api/tokens/refresh");
    static final List<String> FIELDS = List.of("username", "email", "password", "refresh_token", "user", "__proto__", "");
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8", "application/json; charset=latin1",
            "application/merge-patch+json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json;;", "*/*", "application", "");

    @Test
    void noGeneratedRequestGetsA5xx() throws Exception {
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Http http = StandardNode.http();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int worker = 0; worker < 6; worker++) {
            Random random = new Random(SEED + worker);
            int share = REQUESTS / 6 + (worker < REQUESTS % 6 ? 1 : 0);
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    HttpRequest request = generate(http, random);
                    Reply reply = http.send(request);
                    statuses.computeIfAbsent(request.uri().getPath() + " " + reply.status(), k -> new AtomicInteger()).incrementAndGet();
                    String problem = check(reply, request);
                    if (problem != null && failures.size() < 20) {
                        failures.add(problem + " for " + request.method() + " " + request.uri() + " " + request.headers().map());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        assertEquals(REQUESTS, total);
        assertTrue(failures.isEmpty(), () -> "seed " + SEED + ": " + failures + "\nstatuses " + statuses);
        assertTrue(statuses.keySet().stream().anyMatch(k -> k.endsWith(" 400")), statuses::toString);
    }

    /** Media types the HTTP layer cannot even parse ("application", "application/json;;"). */
    static final List<String> UNPARSABLE_TYPES = List.of("application", "application/json;;");

    static String check(Reply reply, HttpRequest request) {
        if (reply.status() >= 500) {
            return "status " + reply.status() + " " + reply.body();
        }
        // Payara's HTTP layer refuses an unparsable Content-Type with 400 and closes the connection before the
        // application sees the request; it is nearly always problem JSON (its error page), but not guaranteed
        boolean refusedByContainer = reply.status() == 400
                && request.headers().firstValue("Content-Type").map(UNPARSABLE_TYPES::contains).orElse(false);
        if (reply.status() >= 400 && !refusedByContainer) {
            String type = reply.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return "not problem JSON: " + type + " " + reply.body();
            }
        }
        if (reply.body().matches("(?s).*(Exception|\\bjava\\.|jakarta\\.|org\\.hibernate|\\tat ).*")) {
            return "internals in " + reply.body();
        }
        return null;
    }

    static HttpRequest generate(Http http, Random random) {
        HttpRequest.Builder request = http.request(PATHS.get(random.nextInt(PATHS.size())));
        String contentType = pick(random, CONTENT_TYPES);
        if (!contentType.isEmpty() || random.nextBoolean()) {
            request.header("Content-Type", contentType.isEmpty() ? "application/json" : contentType);
        }
        if (random.nextInt(4) == 0) {
            request.header("Authorization", pick(random, List.of("Bearer ", "Bearer x.y.z", "Basic Zm9vOmJhcg==",
                    "Bearer " + printable(random, 200), "bearer eyJhbGciOiJub25lIn0.e30.", printable(random, 40))));
        }
        if (random.nextInt(5) == 0) {
            request.header("X-Forwarded-For", pick(random, List.of("1.2.3.4", "::1", "garbage", printable(random, 30))));
        }
        String body = random.nextInt(10) == 0 ? text(random, random.nextInt(2000)) : json(random, 0);
        String method = random.nextInt(12) == 0 ? pick(random, List.of("PUT", "PATCH", "GET", "DELETE")) : "POST";
        return request.method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String json(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 6 : 11);
        return switch (kind) {
            case 9 -> {
                // deeper than any JSON reader should follow (the server's library gives up at 1,000 levels)
                int levels = 1 + random.nextInt(6_000);
                boolean arrays = random.nextBoolean();
                yield (arrays ? "[" : "{\"a\":").repeat(levels) + "1" + (arrays ? "]" : "}").repeat(levels);
            }
            case 10 -> (random.nextBoolean() ? "-" : "") + "9".repeat(1 + random.nextInt(6_000))
                    + (random.nextBoolean() ? "." + "1".repeat(random.nextInt(3_000)) : "");
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> String.valueOf(random.nextDouble() * 1e300);
            case 4, 5 -> quote(text(random, random.nextInt(depth == 1 ? 300 : 40)));
            case 6 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(json(random, depth + 1)).append(i > 1 ? "," : "");
                }
                yield array.append("]").toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.append(quote(random.nextInt(4) == 0 ? text(random, 8) : pick(random, FIELDS)))
                            .append(':').append(json(random, depth + 1)).append(i > 1 ? "," : "");
                }
                String result = object.append("}").toString();
                yield random.nextInt(15) == 0 ? result.substring(0, random.nextInt(result.length())) : result;
            }
        };
    }

    /** Any text: ASCII, control characters, Hangul, emoji, lone surrogates, quotes and backslashes. */
    static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> text.append((char) random.nextInt(32));
                case 1 -> text.append((char) (0xAC00 + random.nextInt(11172)));
                case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(80));
                case 3 -> text.append(random.nextBoolean() ? '"' : '\\');
                case 4 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                case 5 -> text.append('@');
                default -> text.append((char) (32 + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    /** What an HTTP header may carry. */
    static String printable(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (33 + random.nextInt(94)));
        }
        return text.toString();
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 32) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}

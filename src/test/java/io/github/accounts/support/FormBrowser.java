package io.github.accounts.support;

import io.github.accounts.support.Http.Reply;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser of plain HTTP for the OpenID Provider's pages: it keeps the cookies it is given, reads a form's hidden
 * values, posts forms, and (when asked) says through the trusted proxy header which address it comes from.
 */
public final class FormBrowser {

    static final Pattern HIDDEN = Pattern.compile("name=\"(request|csrf|mfa_token)\" value=\"([^\"]*)\"");

    public final Map<String, String> cookies = new HashMap<>();
    private final Http http;
    private final String forwardedFor;

    public FormBrowser(Http http) {
        this(http, null);
    }

    /** @param forwardedFor the address that the trusted proxy (the test) says the browser has */
    public FormBrowser(Http http, String forwardedFor) {
        this.http = http;
        this.forwardedFor = forwardedFor;
    }

    public Reply get(URI uri) {
        return keep(http.send(prepared(uri).GET().build()));
    }

    public Reply postForm(URI uri, Map<String, String> form) {
        String body = String.join("&", form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return keep(http.send(prepared(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    /** Opens the login page that {@code authorization} shows and submits its form with an email and a password. */
    public Reply signIn(URI authorization, String email, String password) {
        Map<String, String> hidden = hidden(get(authorization).body());
        return postForm(http.base().resolve("/api/oidc/authorize"), Map.of("request", hidden.get("request"), "csrf", hidden.get("csrf"),
                "email", email, "password", password));
    }

    /** The hidden values of a form ({@code request}, {@code csrf}, {@code mfa_token}), unescaped. */
    public static Map<String, String> hidden(String html) {
        Map<String, String> values = new HashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            values.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">"));
        }
        return values;
    }

    private HttpRequest.Builder prepared(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    private Reply keep(Reply reply) {
        for (String cookie : reply.response().headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return reply;
    }
}

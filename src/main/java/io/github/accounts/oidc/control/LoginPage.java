package io.github.accounts.oidc.control;

import java.util.List;

/**
 * The provider's login page and its error page, in the look of the web page ({@code /assets/app.css}). Its forms
 * work without script (password, then a code); a small script ({@code /assets/login.js}) adds passkeys: a
 * passwordless login, and the second step with a passkey. Everything a request brought in is HTML-escaped.
 */
public final class LoginPage {

    /** The fields of a passkey's assertion that the passkey form posts (filled in by the page's script). */
    public static final List<String> PASSKEY_FIELDS = List.of("credential_id", "client_data_json", "authenticator_data",
            "signature", "user_handle");
    static final String SCRIPT = "<script type=\"module\" src=\"../../assets/login.js\"></script>\n";

    private LoginPage() {
    }

    /**
     * The form: posts the email, the password, the CSRF value and the authorization request (its query, re-checked
     * on arrival) back to the authorization endpoint; and the passkey form for a passwordless login.
     */
    public static String form(String action, String query, String csrf, String email, String error, String registerUrl) {
        return page("Log in", (error == null ? "" : "<p class=\"form-error\" role=\"alert\">" + escape(error) + "</p>\n")
                + "<form method=\"post\" action=\"" + escape(action) + "\">\n"
                + hidden("request", query) + hidden("csrf", csrf)
                + "<label for=\"email\">Email</label>\n"
                + "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required value=\""
                + escape(email == null ? "" : email) + "\">\n"
                + "<label for=\"password\">Password</label>\n"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n"
                + "<button type=\"submit\" class=\"primary\">Log in</button>\n"
                + "</form>\n"
                + passkeyForm(action, query, csrf, null, "Sign in with a passkey", "../../api/users/login/passkey/options")
                + "<p>No account yet? <a href=\"" + escape(registerUrl) + "\">Create one</a></p>\n");
    }

    /**
     * The second step: for a user with an authenticator app the code (or a recovery code), posted back with the
     * step's token, the CSRF value and the authorization request; for a user with a passkey the passkey form.
     */
    public static String codeForm(String action, String query, String csrf, String mfaToken, List<String> methods, String error) {
        String code = !methods.contains("totp") ? ""
                : "<form method=\"post\" action=\"" + escape(action) + "\">\n"
                + hidden("request", query) + hidden("csrf", csrf) + hidden("mfa_token", mfaToken)
                + "<label for=\"code\">Code from your authenticator app, or a recovery code</label>\n"
                + "<input id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\""
                + " maxlength=\"32\" required autofocus>\n"
                + "<button type=\"submit\" class=\"primary\">Verify</button>\n"
                + "</form>\n";
        String passkey = !methods.contains("passkey") ? ""
                : passkeyForm(action, query, csrf, mfaToken, "Use a passkey", "../../api/users/login/mfa/passkey/options")
                + (code.isEmpty() ? "<noscript><p class=\"form-error\">Signing in with a passkey needs JavaScript.</p></noscript>\n" : "");
        return page("Two-step verification", (error == null ? "" : "<p class=\"form-error\" role=\"alert\">" + escape(error) + "</p>\n")
                + code + passkey);
    }

    /** Hidden until the script finds WebAuthn: the script asks {@code options} for a challenge and posts the assertion. */
    private static String passkeyForm(String action, String query, String csrf, String mfaToken, String label, String options) {
        StringBuilder fields = new StringBuilder(hidden("request", query)).append(hidden("csrf", csrf));
        if (mfaToken != null) {
            fields.append(hidden("mfa_token", mfaToken));
        }
        PASSKEY_FIELDS.forEach(name -> fields.append(hidden(name, "")));
        return "<form method=\"post\" action=\"" + escape(action) + "\" id=\"passkey-form\" class=\"passkey-login\" hidden"
                + " data-options=\"" + escape(options) + "\" data-none=\"No passkey was used.\""
                + " data-unavailable=\"Passkeys are not available right now: try again.\">\n"
                + fields
                + "<p class=\"form-error\" id=\"passkey-error\" role=\"alert\" hidden></p>\n"
                + "<button type=\"button\" id=\"passkey-button\">" + escape(label) + "</button>\n"
                + "</form>\n" + SCRIPT;
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">\n";
    }

    /** A request that cannot be sent back to its client (unknown client, unregistered redirect URI). */
    public static String error(String message) {
        return page("Sign-in request refused", "<p class=\"form-error\" role=\"alert\">" + escape(message) + "</p>\n");
    }

    /** After a logout: no redirect was asked for. */
    public static String signedOut() {
        return page("Signed out", "<p>You are signed out of every application that signed you in here.</p>\n");
    }

    private static String page(String title, String content) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · Accounts</title>\n<link rel=\"stylesheet\" href=\"../../assets/app.css\">\n</head>\n"
                + "<body>\n<main class=\"shell\">\n<header class=\"brand\"><span class=\"logo\" aria-hidden=\"true\">◆</span><h1>Accounts</h1></header>\n"
                + "<section class=\"card\">\n<h2>" + escape(title) + "</h2>\n" + content + "</section>\n</main>\n</body>\n</html>\n";
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

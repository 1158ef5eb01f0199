package io.github.accounts.oidc.control;

/**
 * The provider's cookies, {@code __Host-} names (so {@code Secure}, path {@code /}, no domain): the sign-in
 * ({@code HttpOnly}, {@code SameSite=Lax}, so that the redirect back from an application carries it) and the login
 * form's CSRF value ({@code SameSite=Strict}).
 */
public final class ProviderCookies {

    public static final String LOGIN = "__Host-accounts_sso";
    public static final String CSRF = "__Host-accounts_csrf";

    private ProviderCookies() {
    }

    public static String login(String value, long maxAgeSeconds) {
        return LOGIN + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; Secure; HttpOnly; SameSite=Lax";
    }

    /** Removes the sign-in cookie. */
    public static String loginEnded() {
        return LOGIN + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
    }

    public static String csrf(String value) {
        return CSRF + "=" + value + "; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Strict";
    }
}

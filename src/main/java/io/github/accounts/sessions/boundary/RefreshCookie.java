package io.github.accounts.sessions.boundary;

import io.github.accounts.settings.control.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Optional;

/**
 * The refresh token of a browser: instead of the JSON body, where script could read it, it travels in an
 * {@code HttpOnly}, {@code Secure}, {@code SameSite=Strict} cookie that only the refresh endpoint receives.
 * A client asks for this transport with the {@code X-Token-Transport: cookie} header; as a custom header it
 * cannot be sent cross-site without a CORS preflight, which (with SameSite=Strict) is the CSRF defense.
 * Other REST clients never send it and keep the refresh token in the body.
 */
@ApplicationScoped
public class RefreshCookie {

    @Inject
    Settings settings;

    @PostConstruct
    void readSettings() {
        secure = settings.get(Settings.REFRESH_COOKIE_SECURE);
    }

    public static final String HEADER = "X-Token-Transport";
    /** Without {@code Secure} (REFRESH_COOKIE_SECURE=false, plain-http development) the prefix would be refused. */
    static final String PLAIN_NAME = "accounts_refresh";
    /** Browsers set a {@code __Secure-} cookie only from https and only with {@code Secure}: no plain-http page can plant one. */
    static final String SECURE_NAME = "__Secure-" + PLAIN_NAME;
    static final String PATH = "/api/tokens";

    boolean secure;

    public boolean wanted(HttpServletRequest request) {
        return "cookie".equalsIgnoreCase(request.getHeader(HEADER));
    }

    public Optional<String> from(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> name().equals(c.getName())).map(Cookie::getValue).filter(v -> !v.isBlank()).findFirst();
    }

    /** A token response: the refresh token in the body, or in the cookie when the client asked for that. */
    public Response respond(Response.Status status, SessionTokens tokens, HttpServletRequest request) {
        boolean cookie = wanted(request);
        Response.ResponseBuilder response = Response.status(status)
                .cacheControl(CacheControl.valueOf("no-store"))
                .entity(TokenResponse.of(tokens, !cookie));
        if (cookie) {
            response.cookie(of(tokens.refreshToken(), tokens.refreshExpiresIn(), request.getContextPath()));
        }
        return response.build();
    }

    public NewCookie of(String refreshToken, long maxAgeSeconds, String contextPath) {
        return cookie(refreshToken, (int) Math.min(Integer.MAX_VALUE, maxAgeSeconds), contextPath);
    }

    public NewCookie cleared(String contextPath) {
        return cookie("", 0, contextPath);
    }

    String name() {
        return secure ? SECURE_NAME : PLAIN_NAME;
    }

    private NewCookie cookie(String value, int maxAge, String contextPath) {
        return new NewCookie.Builder(name()).value(value).path(contextPath + PATH).maxAge(maxAge)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}

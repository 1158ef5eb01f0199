package io.github.accounts.problems.boundary;

import io.github.accounts.problems.control.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Errors raised by the server before JAX-RS runs (an invalid token rejected by MP-JWT, an unknown path,
 * an oversized request) are sent here by web.xml's error pages and answered as problem JSON too.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    public static final String PATH = "/error-page";

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        if (status == 500 && failedAuthentication(request)) {
            LOG.warning(() -> "the server's MicroProfile JWT could not verify a bearer token (no usable key for it?); answered 401");
            status = 401;
        }
        Problem problem = status == 401
                ? Problem.of(401, "unauthorized", "Unauthorized", "The access token is missing, invalid, expired or revoked")
                : HttpProblems.forStatus(status);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        if (problem.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        response.getWriter().write(problem.toJson());
    }

    /**
     * A 500 that no exception caused, on a request with a bearer token nobody was authenticated by: the server's
     * MicroProfile JWT gave up on the token before the application ran. WildFly's answers 500 for a token whose
     * {@code kid} it has no key for — which anyone can send — so this is answered as the invalid token it is.
     */
    static boolean failedAuthentication(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
                && request.getUserPrincipal() == null
                && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}

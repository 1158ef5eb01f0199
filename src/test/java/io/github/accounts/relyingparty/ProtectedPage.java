package io.github.accounts.relyingparty;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The page only a signed-in user sees: the caller's name (from the tokens) and email (from userinfo). */
@WebServlet("/page")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class ProtectedPage extends HttpServlet {

    @Inject
    OpenIdContext openId;

    @Inject
    SignedInSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        openId.getIdentityToken().getJwtClaims().getStringClaim("sid")
                .ifPresent(sid -> sessions.remember(sid, request.getSession()));
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html><head><title>" + request.getContextPath() + "</title></head><body>"
                + "<h1 id=\"user\">" + escape(request.getUserPrincipal().getName()) + "</h1>"
                + "<p id=\"email\">" + escape(openId.getClaims().getEmail().orElse("")) + "</p>"
                + "<a id=\"logout\" href=\"logout\">Log out</a></body></html>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

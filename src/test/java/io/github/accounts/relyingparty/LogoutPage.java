package io.github.accounts.relyingparty;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Logs out here and, through the mechanism's {@code notifyProvider}, at the provider (RP-initiated logout with the ID
 * token as hint), which comes back to {@code /signed-out}.
 */
@WebServlet("/logout")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class LogoutPage extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.logout();
        if (!response.isCommitted()) {
            response.sendRedirect("signed-out");
        }
    }
}

package io.github.accounts.relyingparty;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The registered redirect URI. The authentication mechanism answers it (it exchanges the code and sends the browser
 * back to the page first asked for); only a request it did not take reaches this servlet.
 */
@WebServlet("/Callback")
public class Callback extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("page");
    }
}

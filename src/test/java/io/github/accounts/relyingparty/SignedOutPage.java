package io.github.accounts.relyingparty;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Where the provider sends the browser after logout (the registered post_logout_redirect_uri). */
@WebServlet("/signed-out")
public class SignedOutPage extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html><head><title>Signed out</title></head><body>"
                + "<h1 id=\"signed-out\">Signed out</h1></body></html>");
    }
}

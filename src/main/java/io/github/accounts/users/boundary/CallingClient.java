package io.github.accounts.users.boundary;

import io.github.accounts.mail.control.Languages;
import io.github.accounts.web.control.ClientAddresses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Who is calling in this request: the client's address (for throttling and audit) its user agent and the language it asks for. */
@RequestScoped
public class CallingClient {

    @Inject
    HttpServletRequest http;

    @Inject
    ClientAddresses clientAddresses;

    public Accounts.Client get() {
        return new Accounts.Client(clientAddresses.of(http), http.getHeader("User-Agent"),
                Languages.fromAcceptLanguage(http.getHeader("Accept-Language")));
    }
}

package io.github.accounts.relyingparty;

import io.github.accounts.support.Await;
import io.github.accounts.support.Chromium;
import io.github.accounts.support.Http;
import io.github.accounts.support.Http.Reply;
import io.github.accounts.support.MicroServer;
import io.github.accounts.support.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on and logout everywhere with a client nobody here wrote: two applications on a Payara Micro of their
 * own protect a page with Jakarta Security's {@code @OpenIdAuthenticationMechanismDefinition} pointed at the
 * service, each registered as a client (RFC 7591) with a back-channel logout URI; headless Chromium signs in on the
 * service's login page through the first, is signed in to the second without a form, logs out through the first
 * (RP-initiated logout), and both applications are told by back-channel logout and ask for a login again.
 * <p>
 * The provider's issuer is {@code http://localhost:port} and the applications run on {@code http://127.0.0.1:port}:
 * two sites, as in production, on loopback, where Chromium keeps the provider's {@code Secure} cookies over http.
 */
@Tag("browser")
class RelyingPartyIT {

    static final String REGISTRATION_TOKEN = "registration-token-of-the-relying-party-test-0123456789";
    static final String PASSWORD = "lantern meadow quietly";
    static MicroServer provider;
    static MicroServer relyingParties;
    static String issuer;
    static String apps;
    WebDriver browser;

    @BeforeAll
    static void start() {
        // on a database of its own: every node on a database posts the back-channel logouts waiting in it, and one
        // of another issuer (another test's node on the shared MariaDB) would sign them with a key the apps do not trust
        provider = MicroServer.fresh("rp-provider", TestDatabase.onOwnDatabase("rp", Map.of("PUBLIC_URL", "http://localhost:" + MicroServer.PORT,
                "JWT_ISSUER", "http://localhost:" + MicroServer.PORT, "OIDC_REGISTRATION_TOKEN", REGISTRATION_TOKEN))).start();
        issuer = "http://localhost:" + provider.http().base().getPort();
        int port = MicroServer.freePort();
        apps = "http://127.0.0.1:" + port;
        relyingParties = RelyingParties.start(port, issuer, List.of(register("app-a"), register("app-b")));
    }

    /** Registers the application {@code name} at the service as another team would, with the registration token. */
    static RelyingParties.App register(String name) {
        String base = apps + "/" + name;
        Reply registered = provider.http().postWith(REGISTRATION_TOKEN, "/api/oidc/register", "{\"client_name\":\"" + name + "\","
                + "\"redirect_uris\":[\"" + base + "/Callback\"],\"post_logout_redirect_uris\":[\"" + base + "/signed-out\"],"
                + "\"backchannel_logout_uri\":\"" + base + "/backchannel-logout\",\"token_endpoint_auth_method\":\"client_secret_post\"}");
        assertEquals(201, registered.status(), registered::toString);
        JsonObject client = registered.json();
        return new RelyingParties.App(name, client.getString("client_id"), client.getString("client_secret"));
    }

    @AfterAll
    static void stop() {
        if (relyingParties != null) {
            relyingParties.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signsInOnceForBothApplicationsAndLogsOutOfBoth() throws IOException {
        String email = uniqueEmail("relying-party");
        // the provider has no mail relay, so EMAIL_VERIFICATION is optional there: a new user signs in at once
        assertEquals(201, provider.http().register("Rhea", email, PASSWORD).status());
        browser = browser();

        browser.get(apps + "/app-a/page");
        onLoginPage();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        signedIn("app-a", email);

        browser.get(apps + "/app-b/page");
        signedIn("app-b", email);

        browser.get(apps + "/app-a/logout");
        waiting().until(ExpectedConditions.urlToBe(apps + "/app-a/signed-out"));
        // the provider tells each application after its logout committed: both verified a logout token for the session
        Http http = relyingParties.http();
        String sid = Await.until(() -> http.get("/app-b/backchannel-logout", null).body(), body -> !body.isBlank());
        assertEquals(sid, Await.until(() -> http.get("/app-a/backchannel-logout", null).body(), body -> !body.isBlank()));

        // a live session at either application would show its page; a live provider session would sign in again
        browser.get(apps + "/app-b/page");
        onLoginPage();
        browser.get(apps + "/app-a/page");
        onLoginPage();
    }

    private void signedIn(String app, String email) {
        // Jakarta Security takes the code at the callback and hands it to the page first asked for
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
        assertTrue(browser.getCurrentUrl().startsWith(apps + "/" + app + "/page"), browser.getCurrentUrl());
        assertEquals("Rhea", browser.findElement(By.id("user")).getText(), "the caller's name from the tokens");
        assertEquals(email, browser.findElement(By.id("email")).getText(), "the email from userinfo");
    }

    private void onLoginPage() {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertTrue(browser.getCurrentUrl().startsWith(issuer + "/api/oidc/authorize?"), browser.getCurrentUrl());
        assertEquals("email", browser.findElement(By.id("email")).getAttribute("type"));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static WebDriver browser() throws IOException {
        return Chromium.start(Chromium.options());
    }
}

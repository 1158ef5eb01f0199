package io.github.accounts.web;

import io.github.accounts.support.MicroServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.accounts.support.TestDatabase.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web page in a real headless Chromium (Debian's chromium and chromium-driver), driven through Selenium,
 * against the WAR on Payara Micro. Screenshots of each main screen go to target/screenshots.
 */
@Tag("browser")
class WebPageIT {

    static final String PASSWORD = "plum orchard tuesday";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static MicroServer node;
    static String base;
    final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        node = MicroServer.fresh("web", Map.of("LOGIN_MAX_FAILURES", "3",
                "WEBAUTHN_ORIGINS", "http://localhost:" + MicroServer.PORT)).start();
        base = node.http().base().toString().replace("127.0.0.1", "localhost");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    WebDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1100,900",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver"))).build();
        WebDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    static WebElement visible(WebDriver driver, String id) {
        return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    static void screenshot(WebDriver driver, String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void type(WebDriver driver, String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    static void register(WebDriver driver, String name, String email) {
        driver.get(base);
        visible(driver, "welcome");
        driver.findElement(By.id("tab-register")).click();
        type(driver, "register-username", name);
        type(driver, "register-email", email);
        type(driver, "register-password", PASSWORD);
        driver.findElement(By.cssSelector("#register-form button[type=submit]")).click();
        visible(driver, "account");
    }

    static void login(WebDriver driver, String email, String password) {
        visible(driver, "login-form");
        type(driver, "login-email", email);
        type(driver, "login-password", password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    static void awaitText(WebDriver driver, String id, String text) {
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    /** WebDriver's virtual authenticator: a CTAP2 platform authenticator with resident keys and user verification. */
    static VirtualAuthenticator authenticator(WebDriver driver) {
        return ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
    }

    @Test
    void aPasskeyIsEnrolledSignsInAloneIsRenamedAndAfterItsRemovalNoLonger() throws IOException {
        WebDriver driver = browser();
        VirtualAuthenticator authenticator = authenticator(driver);
        String email = uniqueEmail("passkey");
        register(driver, "Pia", email);

        driver.findElement(By.id("passkey-add")).click();
        waiting(driver).until(d -> d.findElements(By.cssSelector("#passkeys li .passkey-name")).size() == 1);
        assertEquals("Passkey", driver.findElement(By.cssSelector("#passkeys li .passkey-name")).getText());
        assertEquals(1, authenticator.getCredentials().size());
        assertTrue(authenticator.getCredentials().get(0).isResidentCredential());
        screenshot(driver, "5-passkeys");

        driver.findElement(By.id("logout")).click();
        visible(driver, "login-form");
        driver.findElement(By.id("passkey-login")).click();
        awaitText(driver, "profile-email", email);
        assertEquals("Pia", driver.findElement(By.id("profile-name")).getText());

        WebElement newName = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#passkeys .passkey-new-name")));
        newName.clear();
        newName.sendKeys("Work laptop");
        driver.findElement(By.cssSelector("#passkeys .passkey-rename")).click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#passkeys .passkey-name"), "Work laptop"));

        driver.findElement(By.cssSelector("#passkeys .passkey-remove")).click();
        waiting(driver).until(d -> d.findElements(By.cssSelector("#passkeys li")).isEmpty());

        driver.findElement(By.id("logout")).click();
        visible(driver, "login-form");
        driver.findElement(By.id("passkey-login")).click();
        awaitText(driver, "passkey-login-error", "This passkey is not registered");
        assertTrue(!driver.findElement(By.id("account")).isDisplayed(), "a removed passkey signs nobody in");
    }

    @Test
    void aPersonRegistersStaysLoggedInAcrossAReloadLogsOutAndBackIn() throws IOException {
        WebDriver driver = browser();
        driver.get(base);
        visible(driver, "login-form");
        screenshot(driver, "1-login");

        String email = uniqueEmail("web");
        register(driver, "홍길동", email);
        awaitText(driver, "profile-name", "홍길동");
        assertEquals(email, driver.findElement(By.id("profile-email")).getText());
        waiting(driver).until(d -> d.findElements(By.cssSelector("#sessions li[data-current=true]")).size() == 1);
        assertTrue(driver.findElement(By.cssSelector("#sessions li[data-current=true]")).getText().contains("this device"));
        screenshot(driver, "2-account");

        driver.navigate().refresh();
        awaitText(driver, "profile-name", "홍길동");
        assertTrue(driver.findElement(By.id("account")).isDisplayed(), "a reload keeps the person logged in");

        driver.findElement(By.id("logout")).click();
        visible(driver, "login-form");
        awaitText(driver, "status", "logged out");
        driver.navigate().refresh();
        visible(driver, "login-form");
        assertTrue(!driver.findElement(By.id("account")).isDisplayed(), "after logout the account is not shown");

        login(driver, email, PASSWORD);
        awaitText(driver, "profile-name", "홍길동");
    }

    @Test
    void aWrongPasswordAndTooManyAttemptsAreExplained() throws IOException {
        WebDriver driver = browser();
        String email = uniqueEmail("wrong");
        register(driver, "wrong", email);
        driver.findElement(By.id("logout")).click();

        login(driver, email, "not the password");
        awaitText(driver, "login-error", "Invalid email or password");
        screenshot(driver, "3-wrong-password");
        login(driver, email, "not the password");
        awaitText(driver, "login-error", "Invalid email or password");
        login(driver, email, "not the password");
        login(driver, email, PASSWORD);
        awaitText(driver, "login-error", "Too many attempts. Please try again in");

        driver.findElement(By.id("tab-register")).click();
        type(driver, "register-username", "x");
        type(driver, "register-email", "not-an-email");
        type(driver, "register-password", "password");
        driver.findElement(By.cssSelector("#register-form button[type=submit]")).click();
        awaitText(driver, "register-email-error", "Email must be a valid email address");
        assertEquals("true", driver.findElement(By.id("register-email")).getAttribute("aria-invalid"));
        type(driver, "register-email", uniqueEmail("common"));
        driver.findElement(By.cssSelector("#register-form button[type=submit]")).click();
        awaitText(driver, "register-password-error", "Password is too common");
        assertEquals("", driver.findElement(By.id("register-email-error")).getText());
        screenshot(driver, "4-register-errors");
    }

    @Test
    void tabsTakeTurnsToRefreshSoTheyNeverSendOneRefreshTokenTogether() throws IOException {
        WebDriver driver = browser();
        String email = uniqueEmail("tabs");
        register(driver, "tabs", email);
        awaitText(driver, "profile-name", "tabs");
        String first = driver.getWindowHandle();
        JavascriptExecutor firstTab = (JavascriptExecutor) driver;
        // this tab holds the refresh lock, as a tab in the middle of a refresh would
        assertEquals(Boolean.TRUE, firstTab.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.locks.request('accounts-refresh', () => { done(true); return new Promise((r) => { window.releaseRefresh = r; }); });"));

        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(base);
        String second = driver.getWindowHandle();
        waiting(driver).until(d -> ((Number) ((JavascriptExecutor) d).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.locks.query().then((s) => done(s.pending.filter((l) => l.name === 'accounts-refresh').length));")).intValue() == 1);
        assertTrue(!driver.findElement(By.id("account")).isDisplayed(), "the new tab waits for the refresh in flight");

        driver.switchTo().window(first);
        firstTab.executeScript("window.releaseRefresh();");
        driver.switchTo().window(second);
        awaitText(driver, "profile-name", "tabs");
        driver.switchTo().window(first);
        driver.navigate().refresh();
        awaitText(driver, "profile-name", "tabs");
        assertTrue(driver.findElement(By.id("account")).isDisplayed(), "both tabs stay logged in");
    }

    @Test
    void loggingOutEverywhereEndsTheSessionInAnotherBrowser() throws IOException {
        WebDriver laptop = browser();
        WebDriver phone = browser();
        String email = uniqueEmail("everywhere");
        register(laptop, "everywhere", email);
        phone.manage().window().setSize(new Dimension(375, 812));
        phone.get(base);
        login(phone, email, PASSWORD);
        awaitText(phone, "profile-name", "everywhere");
        waiting(phone).until(d -> d.findElements(By.cssSelector("#sessions li")).size() == 2);
        screenshot(phone, "5-account-375px");

        phone.findElement(By.id("logout-global")).click();
        visible(phone, "login-form");
        visible(laptop, "login-form");
        awaitText(laptop, "status", "session has ended");
        screenshot(laptop, "6-ended-elsewhere");
    }
}

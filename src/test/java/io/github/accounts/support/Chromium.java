package io.github.accounts.support;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Headless Chromium for the browser tests (Debian's {@code chromium} and {@code chromium-driver}, or the paths in
 * {@code chromium.binary} and {@code chromedriver}), each with a profile of its own under target.
 */
public final class Chromium {

    private Chromium() {
    }

    /** The options every browser test starts from; a test adds its own (language, window size, preferences). */
    public static ChromeOptions options() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-").toAbsolutePath());
        return options;
    }

    public static WebDriver start(ChromeOptions options) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver"))).build();
        return new ChromeDriver(service, options);
    }
}

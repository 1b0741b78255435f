package org.bridgeway.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Starts Debian's Chromium through Debian's ChromeDriver, both named by path so that Selenium
 * Manager never looks for (or downloads) a browser or driver. The paths can be changed with the
 * system properties {@code bridgeway.browser.chromium} and {@code bridgeway.browser.chromedriver}.
 */
final class Chromium {

  static final String CHROMIUM_PROPERTY = "bridgeway.browser.chromium";
  static final String CHROMEDRIVER_PROPERTY = "bridgeway.browser.chromedriver";

  private Chromium() {}

  /** Starts a headless browser with a fresh profile in {@code userDataDir}. */
  static ChromeDriver start(Path userDataDir, Path logFile) {
    Path chromium = executable(CHROMIUM_PROPERTY, "/usr/bin/chromium", "chromium");
    Path chromedriver =
        executable(CHROMEDRIVER_PROPERTY, "/usr/bin/chromedriver", "chromium-driver");
    // Selenium consults this before anything else; with the executable set below as well,
    // it has no reason to run Selenium Manager.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
    // The console, so that tests can see Content-Security-Policy violations and failed loads.
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        // Without these, Chromium keeps trying to reach Google's hosts, which the CI network
        // refuses.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--lang=en-US",
        "--window-size=1280,1024",
        "--user-data-dir=" + userDataDir);

    try {
      Files.createDirectories(logFile.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withLogFile(logFile.toFile())
            .build();
    return new ChromeDriver(service, options);
  }

  private static Path executable(String property, String defaultPath, String debianPackage) {
    Path path = Path.of(System.getProperty(property, defaultPath));
    if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
      throw new IllegalStateException(
          "Browser tests need "
              + path
              + ", which is missing or not executable. Install Debian's chromium and"
              + " chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does"
              + " this), or set -D"
              + property
              + "=<path> (package "
              + debianPackage
              + ").");
    }
    return path;
  }
}

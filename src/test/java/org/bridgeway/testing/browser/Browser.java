package org.bridgeway.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium pointed at the application under test. Paths given to {@link #open} are
 * relative to the application's root.
 */
public final class Browser implements AutoCloseable {

  /** How long explicit waits wait. */
  public static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final String baseUrl;
  private final Path userDataDir;
  private final ChromeDriver driver;

  private Browser(String baseUrl, Path userDataDir, ChromeDriver driver) {
    this.baseUrl = baseUrl;
    this.userDataDir = userDataDir;
    this.driver = driver;
  }

  static Browser start(String baseUrl) {
    Path userDataDir;
    try {
      userDataDir = Files.createTempDirectory("bridgeway-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriver driver =
        Chromium.start(userDataDir, Path.of("target", "browser", "chromedriver.log"));
    driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
    return new Browser(baseUrl, userDataDir, driver);
  }

  public WebDriver driver() {
    return driver;
  }

  /** The address of the application, such as {@code http://localhost:43817}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Opens a path of the application and waits until the page and USWDS are ready. */
  public Browser open(String path) {
    driver.get(baseUrl + path);
    waitUntilReady();
    return this;
  }

  /**
   * Waits until the document has loaded and USWDS has initialised (its loader removes the {@code
   * usa-js-loading} class from {@code <html>}).
   */
  public void waitUntilReady() {
    waiting()
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.readyState === 'complete'"
                                + " && !document.documentElement.classList.contains('usa-js-loading');")));
  }

  /**
   * An explicit wait with the standard timeout. An element found before the page reloaded goes
   * stale under the condition's feet: that is a reason to look again, not a failure.
   */
  public WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** The application-relative path of the page shown, without query or fragment. */
  public String currentPath() {
    String url = driver.getCurrentUrl();
    String path = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    int end = path.length();
    for (char c : new char[] {'?', '#'}) {
      int at = path.indexOf(c);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return path.substring(0, end);
  }

  /** The element that has the keyboard focus. */
  public WebElement focusedElement() {
    return driver.switchTo().activeElement();
  }

  /**
   * The errors the browser console received since the last call: Content-Security-Policy
   * violations, resources that failed to load, script errors.
   */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** See {@link Accessibility#assertNoAccessibilityViolations(WebDriver)}. */
  public void assertNoAccessibilityViolations() {
    Accessibility.assertNoAccessibilityViolations(driver);
  }

  /** See {@link Screenshots#take(WebDriver, String)}. */
  public Path screenshot(String name) {
    return Screenshots.take(driver, name);
  }

  /** Forgets cookies (and so the session) of the application, and earlier console messages. */
  void reset() {
    driver.manage().deleteAllCookies();
    driver.manage().logs().get(LogType.BROWSER);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteRecursively(userDataDir);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try {
      Files.walkFileTree(
          directory,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // A profile that Chromium still writes to at exit is left to the temp directory cleaner.
    }
  }
}

package org.bridgeway.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Saves what the browser shows, for debugging, under {@code target/screenshots/}. */
public final class Screenshots {

  static final Path DIRECTORY = Path.of("target", "screenshots");

  private Screenshots() {}

  /**
   * Saves a PNG of the browser window as {@code target/screenshots/<name>.png}.
   *
   * @return the file written
   */
  public static Path take(WebDriver driver, String name) {
    String fileName = name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    try {
      Files.createDirectories(DIRECTORY);
      return Files.write(DIRECTORY.resolve(fileName), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridgeway.testing.browser.Browser;
import org.bridgeway.testing.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The pages a visitor reaches before signing in: accessible, and keyboard-first. */
@BrowserTest
class PublicPagesIT {

  @Test
  void signInPageIsAccessible(Browser browser) {
    browser.open("/login");
    browser.screenshot("public-login");

    assertSkipLinkIsFirstFocusable(browser);
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void anUnknownPageSendsAVisitorToSignIn(Browser browser) {
    browser.open("/no-such-page");

    assertThat(browser.currentPath()).isEqualTo("/login");
    assertSkipLinkIsFirstFocusable(browser);
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void aMissingPublicResourceShowsTheNotFoundPageWithoutEchoingTheAddress(Browser browser) {
    browser.open("/vendor/no-such-page-7f3a9c");
    browser.screenshot("public-not-found");

    assertThat(browser.driver().getTitle()).isEqualTo("Page not found \u2013 Bridgeway");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Page not found");
    assertThat(browser.driver().findElement(By.cssSelector("html")).getAttribute("lang"))
        .isEqualTo("en");
    assertThat(browser.driver().getPageSource()).doesNotContain("7f3a9c");
    assertThat(browser.driver().findElements(By.cssSelector("nav.usa-nav"))).isEmpty();
    assertSkipLinkIsFirstFocusable(browser);
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void theSkipLinkLeadsToTheMainContent(Browser browser) {
    browser.open("/vendor/no-such-page");

    new Actions(browser.driver()).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();

    browser.waiting().until(d -> d.getCurrentUrl().endsWith("#main-content"));
    assertThat(browser.driver().findElement(By.id("main-content")).getTagName()).isEqualTo("main");
  }

  @Test
  void pagesKeepToTheContentSecurityPolicy(Browser browser) {
    browser.open("/login");

    assertThat(browser.consoleErrors()).isEmpty();
    JavascriptExecutor page = (JavascriptExecutor) browser.driver();
    assertThat(page.executeScript("return document.querySelectorAll('style').length"))
        .isEqualTo(0L);
    assertThat(page.executeScript("return htmx.config.includeIndicatorStyles")).isEqualTo(false);
    assertThat(page.executeScript("return htmx.config.historyCacheSize")).isEqualTo(0L);
    assertThat(page.executeScript("return htmx.config.allowEval")).isEqualTo(false);

    String missing = browser.baseUrl() + "/vendor/no-such-page";
    browser.open("/vendor/no-such-page");
    // The console does report errors: the 404 of the page itself, and nothing else.
    assertThat(browser.consoleErrors())
        .isNotEmpty()
        .allMatch(message -> message.startsWith(missing + " "));
  }

  /** From a freshly loaded page, the first TAB reaches the skip link, which is then shown. */
  private static void assertSkipLinkIsFirstFocusable(Browser browser) {
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();

    WebElement focused = browser.focusedElement();
    assertThat(focused.getTagName()).isEqualTo("a");
    assertThat(focused.getDomProperty("textContent")).isEqualTo("Skip to main content");
    assertThat(focused.getDomProperty("href")).endsWith("#main-content");
    // USWDS slides the focused skip link into view.
    browser.waiting().until(d -> focused.isDisplayed() && focused.getRect().getY() >= 0);
  }
}

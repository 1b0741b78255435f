package org.bridgeway.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.bridgeway.testing.browser.Browser;
import org.bridgeway.testing.browser.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public directory and the staff search page in a real browser: axe-clean, usable with the
 * keyboard alone (results are announced by moving focus to their count), and on a phone-sized
 * window.
 */
@BrowserTest
class DirectorySearchPagesIT {

  @Autowired HsdsRecords records;
  @Autowired ServiceProfiles profiles;
  @Autowired Capacities capacities;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired MutableClock clock;
  @Autowired TestUsers testUsers;

  /** The services are written once for the class: the tests count them. */
  private static boolean written;

  @BeforeEach
  void setUp() {
    clock.advance(Duration.ofMinutes(1));
    if (written) {
      return;
    }
    written = true;
    SearchFixtures fixtures =
        new SearchFixtures(records, profiles, capacities, events, transactions, clock);
    String today =
        ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
            .getDayOfWeek()
            .name()
            .substring(0, 2);
    fixtures
        .service("Albatross Recovery Housing")
        .organization("Albatross Partners")
        .description("Sober living and peer recovery support for adults leaving custody.")
        .domains(NeedDomain.HOUSING, NeedDomain.SUBSTANCE_USE)
        .location("Albatross House", 45.5230, -122.6840, "97209")
        .schedule(today, "00:00", "00:00")
        .language("es")
        .ages(18, null)
        .cost(CostKind.FREE)
        .capacity(3, 1, clock.instant())
        .create();
    fixtures
        .service("Albatross Helpline")
        .organization("Albatross Partners")
        .description("Telephone support around the clock.")
        .domains(NeedDomain.MENTAL_HEALTH)
        .capacity(0, 0, clock.instant().minus(Duration.ofDays(9)))
        .create();
  }

  @AfterEach
  void wideAgain(Browser browser) {
    browser.driver().manage().window().setSize(new Dimension(1280, 1024));
  }

  @Test
  void aVisitorSearchesThePublicDirectoryWithTheKeyboard(Browser browser) {
    browser.open("/directory");
    browser.assertNoAccessibilityViolations();

    WebElement text = browser.driver().findElement(By.id("q"));
    tabUntil(browser, text);
    keys(browser, "albatros recovery", Keys.ENTER);

    browser.waitUntilReady();
    browser
        .waiting()
        .until(d -> "results-heading".equals(browser.focusedElement().getAttribute("id")));
    assertThat(browser.focusedElement().getText()).isEqualTo("1 service found");
    assertThat(browser.driver().findElement(By.cssSelector(".bw-results")).getText())
        .contains(
            "Albatross Recovery Housing",
            "Showing results for",
            "“albatross, recovery” in the name");
    browser.screenshot("directory-public-results");
    browser.assertNoAccessibilityViolations();

    WebElement link = browser.driver().findElement(By.linkText("Albatross Recovery Housing"));
    tabUntil(browser, link);
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> browser.currentPath().startsWith("/directory/services/"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Albatross Recovery Housing");
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .contains("Albatross House", "Spanish", "Ages 18 and older", "3 open");
    browser.screenshot("directory-public-service");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void facetsAndFiltersAreLinksAndOpenWithTheKeyboard(Browser browser) {
    browser.open("/directory?q=albatross");
    WebElement facet =
        browser
            .driver()
            .findElement(By.cssSelector(".bw-facets a[href*='needDomain=MENTAL_HEALTH']"));
    tabUntil(browser, facet);
    keys(browser, Keys.ENTER);
    browser.waitUntilReady();
    assertThat(browser.driver().getCurrentUrl()).contains("needDomain=MENTAL_HEALTH");
    assertThat(browser.driver().findElement(By.id("results-heading")).getText())
        .isEqualTo("1 service found");
    assertThat(browser.driver().findElement(By.cssSelector(".bw-results")).getText())
        .contains(
            "Albatross Helpline", "By telephone or online", "Not updated for more than 7 days");

    WebElement more =
        browser.driver().findElement(By.cssSelector("details.bw-search__more summary"));
    assertThat(more.findElement(By.xpath("..")).getAttribute("open")).isNotNull();
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void thePublicDirectoryWorksOnAPhone(Browser browser) {
    browser.driver().manage().window().setSize(new Dimension(375, 812));
    browser.open("/directory?q=albatross&zip=97209&radiusMiles=5");

    JavascriptExecutor page = (JavascriptExecutor) browser.driver();
    assertThat((Long) page.executeScript("return document.documentElement.scrollWidth"))
        .as("no sideways scrolling")
        .isLessThanOrEqualTo((Long) page.executeScript("return window.innerWidth"));
    WebElement form = browser.driver().findElement(By.cssSelector("form[role=search]"));
    WebElement results = browser.driver().findElement(By.id("results-heading"));
    assertThat(results.getLocation().getY())
        .as("results stack under the filters")
        .isGreaterThan(form.getLocation().getY());
    assertThat(browser.driver().findElement(By.id("facets-heading")).getLocation().getY())
        .as("facets come after the results")
        .isGreaterThan(results.getLocation().getY());
    assertThat(browser.driver().findElement(By.cssSelector(".bw-results")).getText())
        .contains("Albatross Recovery Housing", "miles away");
    browser.screenshot("directory-public-phone");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void anOfficerNarrowsTheSearchToWhatAPersonCanUse(Browser browser) {
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    signIn(browser, officer);

    browser.open("/directory/search");
    browser.assertNoAccessibilityViolations();
    WebElement person =
        browser.driver().findElements(By.cssSelector("details.bw-search__more summary")).get(1);
    tabUntil(browser, person);
    keys(browser, Keys.ENTER);
    WebElement age = browser.driver().findElement(By.id("age"));
    browser.waiting().until(d -> age.isDisplayed());
    tabUntil(browser, age);
    keys(browser, "17", Keys.ENTER);

    browser.waitUntilReady();
    browser
        .waiting()
        .until(d -> "results-heading".equals(browser.focusedElement().getAttribute("id")));
    assertThat(browser.driver().findElement(By.cssSelector(".bw-results")).getText())
        .doesNotContain("Albatross Recovery Housing");
    browser.assertNoAccessibilityViolations();

    browser.open("/directory/search?q=albatross&age=40&personLanguage=es");
    assertThat(browser.driver().findElement(By.cssSelector(".bw-results")).getText())
        .contains(
            "Albatross Recovery Housing",
            "Accepts people aged 40",
            "Offered in Spanish",
            "3 open, 1 waiting");
    browser.screenshot("directory-staff-results");
    browser.assertNoAccessibilityViolations();

    browser.open("/directory/search?age=200&residenceZip=abc");
    browser
        .waiting()
        .until(d -> "error-summary".equals(browser.focusedElement().getAttribute("id")));
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Enter an age between 0 and 120", "Enter a five-digit ZIP code");
    browser.assertNoAccessibilityViolations();

    browser.driver().manage().window().setSize(new Dimension(375, 812));
    browser.open("/directory/search?q=albatross&age=40");
    JavascriptExecutor page = (JavascriptExecutor) browser.driver();
    assertThat((Long) page.executeScript("return document.documentElement.scrollWidth"))
        .isLessThanOrEqualTo((Long) page.executeScript("return window.innerWidth"));
    browser.screenshot("directory-staff-phone");
    browser.assertNoAccessibilityViolations();
  }

  private void signIn(Browser browser, TestUser user) {
    browser.open("/login");
    browser.driver().findElement(By.cssSelector("label[for=acknowledged]")).click();
    browser.driver().findElement(By.id("email")).sendKeys(user.email());
    browser.driver().findElement(By.id("password")).sendKeys(TestUsers.PASSWORD, Keys.ENTER);
    browser.waiting().until(d -> browser.currentPath().equals("/login/second-factor"));
    browser
        .driver()
        .findElement(By.id("code"))
        .sendKeys(Totp.codeAt(user.totpSecret(), clock.instant()), Keys.ENTER);
    browser.waiting().until(d -> browser.currentPath().equals("/"));
  }

  /** Presses TAB until the element has focus (at most 200 times), as a keyboard user would. */
  private static void tabUntil(Browser browser, WebElement target) {
    for (int i = 0; i < 200; i++) {
      if (target.equals(browser.focusedElement())) {
        return;
      }
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
    throw new AssertionError("TAB never reached " + target);
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }
}

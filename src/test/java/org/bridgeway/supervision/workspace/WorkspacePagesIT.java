package org.bridgeway.supervision.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.bridgeway.testing.browser.Browser;
import org.bridgeway.testing.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The officer's workspace in a browser: the caseload sorted with the keyboard alone (also at a
 * phone's width), the person page, and entering a person with the duplicate warning confirmed from
 * the keyboard. Every page passes axe.
 */
@BrowserTest
class WorkspacePagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  OrganizationId agency;
  TestUser officer;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    officer = testUsers.enrolled(agency, Role.OFFICER);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void theOfficerSortsTheCaseloadWithTheKeyboardAlone(Browser browser) {
    List<Supervised> people =
        List.of(
            fixtures.supervised(agency, officer.id()),
            fixtures.supervised(agency, officer.id()),
            fixtures.supervised(agency, officer.id()));
    signIn(browser, officer);
    WebElement home = browser.driver().findElement(By.id("home-caseload"));
    tabUntil(browser, home);
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> browser.currentPath().equals("/supervision/caseload"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("My caseload");
    assertThat(rows(browser)).hasSize(people.size());
    browser.screenshot("caseload");
    browser.assertNoAccessibilityViolations();
    List<String> ascending = rows(browser);
    assertThat(header(browser, "NAME").getAttribute("aria-sort")).isEqualTo("ascending");

    tabUntil(browser, browser.driver().findElement(By.id("sort-NAME")));
    keys(browser, Keys.ENTER);
    browser
        .waiting()
        .until(d -> "descending".equals(header(browser, "NAME").getAttribute("aria-sort")));
    browser.waitUntilReady();
    assertThat(rows(browser)).containsExactlyElementsOf(ascending.reversed());
    assertThat(header(browser, "END").getAttribute("aria-sort")).isNull();

    tabUntil(browser, browser.driver().findElement(By.id("sort-LEVEL")));
    keys(browser, Keys.ENTER);
    browser
        .waiting()
        .until(d -> "ascending".equals(header(browser, "LEVEL").getAttribute("aria-sort")));
    browser.waitUntilReady();
    assertThat(header(browser, "NAME").getAttribute("aria-sort")).isNull();
    browser.assertNoAccessibilityViolations();

    // On a phone's width the table stacks, and stays accessible.
    Dimension wide = browser.driver().manage().window().getSize();
    try {
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      browser.open("/supervision/caseload");
      browser.screenshot("caseload-phone");
      browser.assertNoAccessibilityViolations();
    } finally {
      browser.driver().manage().window().setSize(wide);
    }
  }

  @Test
  void thePersonPageIsAccessible(Browser browser) {
    Supervised person = fixtures.supervised(agency, officer.id());
    signIn(browser, officer);
    browser.open("/supervision/people/" + person.person());
    assertThat(browser.driver().findElement(By.id("timeline-heading")).isDisplayed()).isTrue();
    assertThat(browser.driver().findElement(By.id("main-content")).getText())
        .contains("Probation case opened at level Moderate")
        .contains("Drug testing");
    browser.screenshot("person");
    browser.assertNoAccessibilityViolations();

    new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("kind")))
        .selectByValue("condition");
    browser.driver().findElement(By.cssSelector("form[method=get] button[type=submit]")).click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("kind=condition"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("main-content")).getText())
        .doesNotContain("case opened at level");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void theOfficerEntersAPersonAndConfirmsTheDuplicateWithTheKeyboard(Browser browser) {
    String family = "Quintero" + Long.toHexString(UUID.randomUUID().getMostSignificantBits());
    signIn(browser, officer);
    browser.open("/supervision/people/new");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Enter a person");
    browser.assertNoAccessibilityViolations();

    // Without a family name and with a malformed birth date, the summary names both fields.
    tabUntil(browser, browser.driver().findElement(By.id("givenName")));
    keys(browser, "Marisol");
    browser.driver().findElement(By.id("dateOfBirth")).sendKeys("14 July", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser
        .waiting()
        .until(d -> "error-summary".equals(browser.focusedElement().getAttribute("id")));
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Family name is required")
        .contains("Date of birth must be a date such as 2026-03-31");
    browser.screenshot("person-form-error");
    browser.assertNoAccessibilityViolations();

    enter(browser, family);
    browser
        .waiting()
        .until(
            d ->
                browser.currentPath().startsWith("/supervision/people/")
                    && !browser.currentPath().endsWith("/new"));
    String first = browser.currentPath();
    assertThat(browser.driver().findElement(By.cssSelector(".usa-alert--success")).getText())
        .contains("The person was entered.");

    browser.open("/supervision/people/new");
    enter(browser, family);
    browser.waiting().until(d -> !d.findElements(By.id("duplicates")).isEmpty());
    assertThat(browser.driver().findElement(By.id("duplicates")).getText())
        .contains("This may be someone the agency already has")
        .contains("Marisol " + family);
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector("#duplicates a[href='" + first + "']"))
                .isDisplayed())
        .isTrue();
    browser.screenshot("person-form-duplicates");
    browser.assertNoAccessibilityViolations();

    tabUntil(browser, browser.driver().findElement(By.id("create-anyway")));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.cssSelector(".usa-alert--success")).isEmpty());
    assertThat(browser.currentPath()).isNotEqualTo(first).startsWith("/supervision/people/");
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervision_person WHERE family_name = ?")
                .param(family)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  private void enter(Browser browser, String family) {
    WebElement given = browser.driver().findElement(By.id("givenName"));
    given.clear();
    given.sendKeys("Marisol");
    WebElement familyName = browser.driver().findElement(By.id("familyName"));
    familyName.clear();
    familyName.sendKeys(family);
    WebElement birth = browser.driver().findElement(By.id("dateOfBirth"));
    birth.clear();
    birth.sendKeys("1991-07-14");
    browser.driver().findElement(By.id("save-person")).click();
  }

  private static List<String> rows(Browser browser) {
    return browser.driver().findElements(By.cssSelector("tbody th[scope=row] a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static WebElement header(Browser browser, String column) {
    return browser.driver().findElement(By.id("sort-" + column)).findElement(By.xpath(".."));
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
    browser.waitUntilReady();
  }

  private static void tabUntil(Browser browser, WebElement target) {
    for (int i = 0; i < 80 && !target.equals(browser.focusedElement()); i++) {
      keys(browser, Keys.TAB);
    }
    assertThat(browser.focusedElement()).as("reached by the keyboard").isEqualTo(target);
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }
}

package org.bridgeway.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An officer keeps a case's contacts, violations, responses and incentives from its pages with the
 * keyboard, errors are summarized and focused, and both pages pass axe.
 */
@BrowserTest
class CasePagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  OrganizationId agency;
  TestUser officer;
  Supervised supervised;
  LocalDate today;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    officer = testUsers.enrolled(agency, Role.OFFICER);
    supervised = fixtures.supervised(agency, officer.id());
    clock.advance(Duration.ofMinutes(1));
    today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Test
  void anOfficerSchedulesAndRecordsAContactWithTheKeyboard(Browser browser) {
    signIn(browser, officer);
    String page = "/supervision/cases/" + supervised.supervisionCase() + "/contacts";
    browser.open(page);
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Contacts");
    assertThat(browser.driver().findElement(By.id("main-content")).getText())
        .contains("Overdue: the next contact was due by " + supervised.startedOn().plusDays(30));
    browser.assertNoAccessibilityViolations();

    // Without a day, the form answers with a focused error summary and keeps what was typed.
    WebElement location = browser.driver().findElement(By.id("location"));
    tabUntil(browser, browser.driver().findElement(By.id("scheduledTime")));
    keys(browser, "10:30", Keys.TAB, "Office 2", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser
        .waiting()
        .until(d -> "error-summary".equals(browser.focusedElement().getAttribute("id")));
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Enter the day of the contact");
    assertThat(browser.driver().findElement(By.id("location")).getDomProperty("value"))
        .isEqualTo("Office 2");
    browser.screenshot("contacts-error");
    browser.assertNoAccessibilityViolations();
    assertThat(location).isNotNull();

    tabUntil(browser, browser.driver().findElement(By.id("scheduledDate")));
    keys(browser, today.toString(), Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.cssSelector(".usa-alert--success")).isEmpty());
    assertThat(contacts()).isEqualTo(1);

    // Record it as completed a minute ago.
    clock.advance(Duration.ofMinutes(2));
    String time =
        clock
            .instant()
            .minus(Duration.ofMinutes(1))
            .atZone(ZoneOffset.UTC)
            .toLocalTime()
            .toString()
            .substring(0, 5);
    LocalDate day =
        LocalDate.ofInstant(clock.instant().minus(Duration.ofMinutes(1)), ZoneOffset.UTC);
    tabUntil(browser, browser.driver().findElement(By.id("happenedDate")));
    keys(browser, day.toString(), Keys.TAB, time, Keys.TAB);
    tabUntil(browser, browser.driver().findElement(By.id("notes")));
    keys(browser, "Reviewed the conditions.");
    tabUntil(
        browser,
        browser
            .driver()
            .findElement(By.cssSelector("#outcome-heading ~ form button[type=submit]")));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> d.getPageSource().contains("The contact is recorded."));
    assertThat(
            jdbc.sql("SELECT outcome FROM supervision_contact WHERE case_id = ?")
                .param(supervised.supervisionCase())
                .query(String.class)
                .single())
        .isEqualTo("COMPLETED");
    assertThat(browser.driver().findElement(By.id("main-content")).getText())
        .contains("Due by " + day.plusDays(30));
    browser.screenshot("contacts");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void anOfficerRecordsAViolationAResponseAndAnIncentive(Browser browser) {
    signIn(browser, officer);
    browser.open("/supervision/cases/" + supervised.supervisionCase() + "/violations");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Violations and incentives");
    browser.assertNoAccessibilityViolations();

    tabUntil(browser, browser.driver().findElement(By.id("occurredOn")));
    keys(browser, today.toString());
    tabUntil(
        browser,
        browser
            .driver()
            .findElement(By.cssSelector("#violation-heading ~ form button[type=submit]")));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Describe the violation");
    browser.assertNoAccessibilityViolations();

    tabUntil(browser, browser.driver().findElement(By.id("severity")));
    keys(browser, "Moderate");
    tabUntil(browser, browser.driver().findElement(By.id("conditionId")));
    keys(browser, Keys.ARROW_DOWN);
    tabUntil(browser, browser.driver().findElement(By.id("markOutOfCompliance")));
    keys(browser, Keys.SPACE);
    tabUntil(browser, browser.driver().findElement(By.id("description")));
    keys(browser, "Positive drug test.");
    tabUntil(
        browser,
        browser
            .driver()
            .findElement(By.cssSelector("#violation-heading ~ form button[type=submit]")));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> d.getPageSource().contains("The violation is recorded."));
    assertThat(browser.driver().findElement(By.id("main-content")).getText())
        .contains("Suggested response: Written warning to Community service");
    assertThat(
            jdbc.sql("SELECT status FROM supervision_condition WHERE id = ?")
                .param(supervised.condition())
                .query(String.class)
                .single())
        .isEqualTo("OUT_OF_COMPLIANCE");

    // A jail sanction is outside the suggested range: it needs a reason.
    tabUntil(browser, browser.driver().findElement(By.id("sanction")));
    keys(browser, "Jail");
    tabUntil(browser, browser.driver().findElement(By.id("respondedOn")));
    keys(browser, today.toString());
    tabUntil(
        browser,
        browser
            .driver()
            .findElement(By.cssSelector("#response-heading ~ form button[type=submit]")));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Give a reason: the sanction is outside the suggested range");
    browser.screenshot("violations-error");
    browser.assertNoAccessibilityViolations();
    tabUntil(browser, browser.driver().findElement(By.id("reason")));
    keys(browser, "Second positive test this month.");
    tabUntil(
        browser,
        browser
            .driver()
            .findElement(By.cssSelector("#response-heading ~ form button[type=submit]")));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> d.getPageSource().contains("The response is recorded."));
    assertThat(browser.driver().findElement(By.id("main-content")).getText())
        .containsIgnoringCase("Outside the suggested range")
        .contains("reason: Second positive test this month.");

    tabUntil(browser, browser.driver().findElement(By.id("givenOn")));
    keys(browser, today.toString(), Keys.TAB, "Finished the program.");
    tabUntil(
        browser,
        browser
            .driver()
            .findElement(By.cssSelector("#incentives-heading ~ form button[type=submit]")));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> d.getPageSource().contains("The incentive is recorded."));
    browser.screenshot("violations");
    browser.assertNoAccessibilityViolations();
  }

  private long contacts() {
    return jdbc.sql("SELECT count(*) FROM supervision_contact WHERE case_id = ?")
        .param(supervised.supervisionCase())
        .query(Long.class)
        .single();
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

  private static void tabUntil(Browser browser, WebElement target) {
    for (int i = 0; i < 80 && !target.equals(browser.focusedElement()); i++) {
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
    assertThat(browser.focusedElement()).as("reached by the keyboard").isEqualTo(target);
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }
}

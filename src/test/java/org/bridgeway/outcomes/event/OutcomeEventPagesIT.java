package org.bridgeway.outcomes.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outcome pages in a browser, each passing axe: an officer records an event on a person's
 * outcomes page (a missing offense category first, named in the error summary), and a supervisor
 * imports a file of events (a bad row first, reported by row and column, then the corrected file).
 */
@BrowserTest
class OutcomeEventPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired MutableClock clock;

  OrganizationId agency;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void anOfficerRecordsAnEventOnThePersonsOutcomesPage(Browser browser) {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    Supervised person = supervision.supervised(agency, officer.id());
    LocalDate lastWeek = LocalDate.now(clock).minusDays(7);

    signIn(browser, officer);
    browser.open("/outcomes/people/" + person.person() + "/events");
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("no-events")).isDisplayed()).isTrue();
    browser.assertNoAccessibilityViolations();

    new Select(browser.driver().findElement(By.id("kind"))).selectByValue("ARREST");
    browser.driver().findElement(By.id("occurredOn")).sendKeys(lastWeek.toString());
    browser.driver().findElement(By.id("detail")).sendKeys("County sheriff");
    browser.driver().findElement(By.cssSelector("#event-form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("offense category");
    browser.assertNoAccessibilityViolations();

    new Select(browser.driver().findElement(By.id("offenseCategory"))).selectByValue("DUI");
    browser.driver().findElement(By.cssSelector("#event-form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("events")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("events")).getText())
        .contains(lastWeek.toString(), "Arrest", "Driving under the influence", "County sheriff");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void aSupervisorImportsAFileOfEvents(Browser browser) throws IOException {
    TestUser supervisor = testUsers.enrolled(agency, Role.SUPERVISOR);
    Supervised person = supervision.supervised(agency);
    LocalDate yesterday = LocalDate.now(clock).minusDays(1);
    String header = "source_ref,person_id,kind,occurred_on,offense_category\n";
    Path bad = Files.createTempFile("outcome-events", ".csv");
    Files.writeString(
        bad,
        header + "B-1," + person.person() + ",CONVICTION," + yesterday + ",\n",
        StandardCharsets.UTF_8);
    Path good = Files.createTempFile("outcome-events", ".csv");
    Files.writeString(
        good,
        header + "B-1," + person.person() + ",CONVICTION," + yesterday + ",FRAUD\n",
        StandardCharsets.UTF_8);

    signIn(browser, supervisor);
    browser.open("/outcomes/event-imports");
    browser.waitUntilReady();
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.id("file")).sendKeys(bad.toString());
    browser.driver().findElement(By.cssSelector("#import-form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("import-errors")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("import-errors")).getText())
        .contains("offense_category");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.id("file")).sendKeys(good.toString());
    browser.driver().findElement(By.cssSelector("#import-form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("import-result")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("import-result")).getText()).contains("1 added");
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
    browser.waitUntilReady();
  }
}

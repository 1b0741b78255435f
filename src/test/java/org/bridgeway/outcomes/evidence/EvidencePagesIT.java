package org.bridgeway.outcomes.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.testing.EvidenceFixtures;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.bridgeway.testing.browser.Browser;
import org.bridgeway.testing.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agency's analyst compares a program's participants with a matched comparison and validates the
 * risk instrument, in a browser: the form, the charts with their tables, the balance table and the
 * error rates by group. Every page passes axe.
 */
@BrowserTest
class EvidencePagesIT {

  @Autowired TestUsers testUsers;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void theAnalystComparesAProgramAndValidatesTheInstrument(Browser browser) {
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    TestUser analyst = testUsers.enrolled(agency, Role.ANALYST);
    clock.advance(Duration.ofMinutes(1));
    EvidenceFixtures fixtures = new EvidenceFixtures(jdbc);
    String program = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate start = LocalDate.of(2016, 3, 1);
    for (int i = 0; i < 40; i++) {
      boolean treated = i % 2 == 0;
      UUID person =
          fixtures.person(
              agency.value(),
              i % 3 == 0 ? "FEMALE" : "MALE",
              "WHITE",
              null,
              LocalDate.of(1985, 1, 1));
      fixtures.spell(person, agency.value(), start, i % 4 < 2 ? "HIGH" : "LOW", "LSI-R", null);
      fixtures.participation(
          person,
          agency.value(),
          treated ? program : "OTHER",
          "EDUCATION_EMPLOYMENT",
          start.plusMonths(1),
          "ACCEPTED",
          null);
      if (i % 5 == 0 || (!treated && i % 3 == 1)) {
        fixtures.event(person, agency.value(), "ARREST", start.plusMonths(5));
      }
    }

    signIn(browser, analyst);
    browser.open("/outcomes/evidence/effectiveness");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Program effectiveness");
    browser.assertNoAccessibilityViolations();
    new Select(browser.driver().findElement(By.id("program"))).selectByValue(program);
    browser.driver().findElement(By.id("show")).click();
    browser.waiting().until(d -> !d.findElements(By.id("table-balance")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("participants-before")).getText())
        .isEqualTo("20");
    assertThat(browser.driver().findElement(By.id("cost-none")).getText())
        .contains("No cost data yet");
    browser.screenshot("program-effectiveness");
    browser.assertNoAccessibilityViolations();

    browser.open("/outcomes/evidence/validation");
    new Select(browser.driver().findElement(By.id("instrument"))).selectByValue("LSI-R");
    browser.driver().findElement(By.id("show")).click();
    browser.waiting().until(d -> !d.findElements(By.id("table-calibration")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("table-errors-GENDER")).getText())
        .contains("False positive rate");
    browser.screenshot("instrument-validation");
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

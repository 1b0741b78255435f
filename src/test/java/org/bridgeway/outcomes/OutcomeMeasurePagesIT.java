package org.bridgeway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.outcomes.measure.SpellFacts;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.OutcomeFixtures;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.bridgeway.testing.browser.Browser;
import org.bridgeway.testing.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A director (an agency's analyst) reads the outcomes dashboard, changes the breakdown with the
 * keyboard alone, and a visitor reads the public transparency report without signing in. Every page
 * passes axe.
 */
@BrowserTest
class OutcomeMeasurePagesIT {

  @Autowired TestUsers testUsers;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired SpellFacts facts;

  @Test
  void aDirectorReadsTheDashboardAndAVisitorThePublicReport(Browser browser) {
    clock.advance(Duration.ofMinutes(1));
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    OutcomeFixtures f = new OutcomeFixtures(jdbc);
    LocalDate start = LocalDate.now(clock).minusYears(4);
    for (int i = 0; i < 30; i++) {
      UUID person =
          f.person(
              agency.value(),
              i % 2 == 0 ? "FEMALE" : "MALE",
              i < 5 ? "ASIAN" : "WHITE",
              null,
              LocalDate.of(1980, 1, 1));
      f.spell(
          person,
          "SUPERVISION_START",
          start.plusDays(i),
          null,
          null,
          i % 3 == 0 ? "HIGH" : "LOW",
          null);
      if (i % 4 == 0) {
        f.event(person, "ARREST", start.plusDays(i + 200), "PROPERTY");
      }
    }
    facts.refreshAgency(agency.value());
    TestUser director = testUsers.enrolled(agency, Role.ANALYST);
    signIn(browser, director);

    browser.open("/outcomes/measures");
    assertThat(browser.driver().findElement(By.id("figure-people")).getText()).isEqualTo("30");
    browser.assertNoAccessibilityViolations();

    // keyboard only: choose the breakdown and submit with Enter
    browser.driver().findElement(By.id("groupBy")).sendKeys("Risk level");
    browser.driver().findElement(By.id("program")).sendKeys(Keys.ENTER);
    browser.waiting().until(d -> d.getCurrentUrl().contains("groupBy=RISK_LEVEL"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("table-groups")).getText())
        .contains("High", "Low");
    assertThat(browser.driver().findElement(By.id("table-survival")).getText())
        .contains("High", "Low");
    browser.screenshot("outcome-measures-by-risk");
    browser.assertNoAccessibilityViolations();

    browser.driver().manage().deleteAllCookies();
    browser.open("/transparency?by=RACE&agency=" + agency.value());
    assertThat(browser.currentPath()).isEqualTo("/transparency");
    String table = browser.driver().findElement(By.id("table-transparency")).getText();
    assertThat(table).contains("suppressed").contains("30");
    browser.screenshot("transparency-report");
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
}

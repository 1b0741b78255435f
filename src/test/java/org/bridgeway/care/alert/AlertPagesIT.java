package org.bridgeway.care.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.testing.CareFixtures;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The officer's alerts in a browser: the caseload counts the open treatment alert, the alerts page
 * shows it with its details withheld (no consent), and the officer acknowledges it with the
 * keyboard; the alerts page, the person's alerts and the rules page pass axe.
 */
@BrowserTest
class AlertPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  OrganizationId agency;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void theOfficerSeesTheAlertWithheldAndAcknowledgesIt(Browser browser) {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    Supervised person = supervision.supervised(agency, officer.id());
    UUID alert = care.alert(agency, person);

    signIn(browser, officer);
    browser.open("/supervision/caseload");
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .containsIgnoringCase("1 from treatment");

    browser.driver().findElement(By.linkText("Alerts")).click();
    browser.waiting().until(d -> browser.currentPath().equals("/care/alerts"));
    browser.waitUntilReady();
    String main = browser.driver().findElement(By.tagName("main")).getText();
    assertThat(main).contains("Treatment alert", "Details withheld:").doesNotContain("Concern");
    browser.assertNoAccessibilityViolations();

    String form = "ack-" + alert;
    new Select(browser.driver().findElement(By.id(form + "-action")))
        .selectByValue("CONTACTED_PERSON");
    browser.driver().findElement(By.id(form + "-note")).sendKeys("Called, seen tomorrow");
    browser.driver().findElement(By.cssSelector("#" + form + " button")).sendKeys(Keys.ENTER);
    browser.waiting().until(d -> d.getPageSource().contains("The alert was acknowledged."));
    browser.waitUntilReady();
    assertThat(browser.driver().findElements(By.id(form))).isEmpty();
    assertThat(
            jdbc.sql("SELECT action FROM care_alert WHERE id = :id")
                .param("id", alert)
                .query(String.class)
                .single())
        .isEqualTo("CONTACTED_PERSON");
    browser.assertNoAccessibilityViolations();

    browser.open("/care/people/" + person.person() + "/alerts");
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .contains("Contacted the person", "Called, seen tomorrow");
    browser.assertNoAccessibilityViolations();

    browser.open("/care/alert-rules");
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .contains(
            "Unexcused no-shows in a row", "Supervisors and administrators change the rules.");
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

package org.bridgeway.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.bridgeway.care.transition.TransitionKind;
import org.bridgeway.care.transition.Transitions;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The continuity pages in a browser, each passing axe: the officer reaches the transitions page
 * from the person page and sees a release's gap in care flagged and a hand-off's overlap; the
 * progress report form names its errors; the measures and reminder pages; the receiving provider's
 * hand-off page says the transfer summary is withheld.
 */
@BrowserTest
class ContinuityPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired Transitions transitions;
  @Autowired MutableClock clock;

  OrganizationId agency;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void theOfficerSeesTheGapInCareAndTheHandOffAndGeneratesAReport(Browser browser) {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    Supervised person = supervision.supervised(agency, officer.id());
    OrganizationId sending = care.provider();
    OrganizationId receiving = care.provider();
    Episode from = care.episode(agency, person, sending);
    Episode to = care.episode(agency, person, receiving);
    BridgewayPrincipal admin = SupervisionFixtures.administratorOf(agency);
    LocalDate today = LocalDate.now(clock);
    transitions.recordHandOff(
        admin,
        new PersonId(person.person()),
        new Transitions.NewHandOff(
            TransitionKind.STEP_DOWN, from.id(), to.id(), today.plusDays(10), null));
    transitions.recordRelease(
        admin,
        new PersonId(person.person()),
        new Transitions.NewRelease(today.plusDays(1), 3, null, to.id()));

    signIn(browser, officer);
    browser.open("/supervision/people/" + person.person());
    browser.driver().findElement(By.linkText("Transitions of care")).click();
    browser.waiting().until(d -> browser.currentPath().endsWith("/transitions"));
    browser.waitUntilReady();
    String main = browser.driver().findElement(By.tagName("main")).getText();
    assertThat(main)
        .contains("Gap in care:")
        .contains("no intake appointment is booked within the window")
        .contains("Step down to less intensive care")
        .contains("days of overlap");
    browser.assertNoAccessibilityViolations();

    // The release form without a day: the error summary names it.
    browser.driver().findElement(By.id("intakeWithinDays")).clear();
    browser.driver().findElement(By.id("intakeWithinDays")).sendKeys("45", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Enter the day of release");
    browser.assertNoAccessibilityViolations();

    browser.open("/care/people/" + person.person() + "/progress-report");
    browser.assertNoAccessibilityViolations();
    browser.driver().findElement(By.id("from")).clear();
    browser.driver().findElement(By.id("from")).sendKeys("not a day", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Choose a recipient", "Enter a date as YYYY-MM-DD");
    browser.assertNoAccessibilityViolations();

    browser.open("/care/people/" + person.person() + "/measures");
    assertThat(browser.driver().findElement(By.id("measures")).getText())
        .contains("Days without care between episodes");
    browser.assertNoAccessibilityViolations();

    browser.open("/care/people/" + person.person() + "/reminders");
    browser.assertNoAccessibilityViolations();

    browser.open("/care/programs/measures?providerId=" + receiving);
    assertThat(browser.driver().findElement(By.id("suppressed")).getText())
        .contains("Too few people");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void theReceivingProviderSeesThatTheTransferSummaryIsWithheld(Browser browser) {
    OrganizationId sending = care.provider();
    OrganizationId receiving = care.provider();
    Supervised person = supervision.supervised(agency);
    Episode from = care.episode(agency, person, sending);
    Episode to = care.episode(agency, person, receiving);
    var handOff =
        transitions.recordHandOff(
            SupervisionFixtures.administratorOf(agency),
            new PersonId(person.person()),
            new Transitions.NewHandOff(
                TransitionKind.MOVE, from.id(), to.id(), LocalDate.now(clock).plusDays(10), null));
    transitions.writeSummary(
        CareFixtures.staffOf(sending), handOff.id(), "Continue weekly sessions.", null);
    TestUser staff = testUsers.enrolled(receiving, Role.PROVIDER_STAFF);

    signIn(browser, staff);
    browser.open("/care/provider/transitions");
    browser.assertNoAccessibilityViolations();
    browser
        .driver()
        .findElement(By.cssSelector("a[href='/care/provider/transitions/" + handOff.id() + "']"))
        .click();
    browser.waiting().until(d -> browser.currentPath().endsWith(handOff.id().toString()));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("summary-withheld")).getText())
        .contains("is withheld");
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .doesNotContain("Continue weekly sessions.");
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

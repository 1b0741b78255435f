package org.bridgeway.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.SupervisionFixtures;
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
 * The provider's episode page in a browser: schedule a session (a fault first, named in the error
 * summary), open it from the appointments table and record a no-show with a concern for the officer
 * (the missing reason named first), keyboard only for the text and the submits, each page passing
 * axe; the concern is signalled at once.
 */
@BrowserTest
class CareRecordPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired MutableClock clock;

  OrganizationId agency;
  OrganizationId provider;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void theProviderSchedulesASessionAndRecordsANoShowWithAConcern(Browser browser) {
    TestUser staff = testUsers.enrolled(provider, Role.PROVIDER_STAFF);
    Episode episode = care.episode(agency, supervision.supervised(agency), provider);
    care.plan(episode);
    LocalDate yesterday = LocalDate.now(clock).minusDays(1);

    signIn(browser, staff);
    browser.open("/care/provider/episodes/" + episode.id());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("plan")).getText()).contains("ASAM 1");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.id("startsOn")).sendKeys(yesterday.toString(), Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Enter a value");
    browser.assertNoAccessibilityViolations();

    new Select(browser.driver().findElement(By.id("kind"))).selectByValue("GROUP");
    browser.driver().findElement(By.id("startsTime")).sendKeys("09:30");
    browser.driver().findElement(By.id("location")).sendKeys("Group room B", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.cssSelector("[role=status]")).isEmpty());
    browser.waitUntilReady();
    String table = browser.driver().findElement(By.id("appointments")).getText();
    assertThat(table).contains(yesterday + " 09:30", "Group session", "Scheduled");

    browser
        .driver()
        .findElement(By.linkText("Record attendance for " + yesterday + " 09:30"))
        .click();
    browser.waiting().until(d -> browser.currentPath().contains("/appointments/"));
    browser.waitUntilReady();
    browser.assertNoAccessibilityViolations();
    UUID appointment =
        UUID.fromString(
            browser.currentPath().substring(browser.currentPath().lastIndexOf('/') + 1));

    new Select(browser.driver().findElement(By.id("outcome"))).selectByValue("NO_SHOW_UNEXCUSED");
    browser.driver().findElement(By.id("feedback")).sendKeys("Third missed group");
    browser.driver().findElement(By.cssSelector("label[for='concerns-1']")).click();
    browser
        .driver()
        .findElement(By.cssSelector("section[aria-labelledby=attendance-heading] button"))
        .click();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Give the reason the person did not come");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.id("reason")).sendKeys("No call, no show", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.cssSelector("[role=status]")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("attendance")).getText())
        .contains("Did not come (not excused)", "No call, no show", "Relapse");
    browser.assertNoAccessibilityViolations();
    assertThat(care.signalsAbout(appointment))
        .containsAll(
            List.of(
                CareSignal.Kind.ATTENDANCE_RECORDED,
                CareSignal.Kind.NO_SHOW_UNEXCUSED,
                CareSignal.Kind.CONCERN_FLAGGED));
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

package org.bridgeway.referrals.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.referrals.lifecycle.DeclineReason;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.referrals.lifecycle.ReferralView;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.ReferralFixtures;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A referral's loop in a browser: the officer drafts and sends it from the "Refer" link, the
 * provider finds it in the inbox, assigns a caseworker, accepts it with the keyboard alone and
 * schedules the intake, and the officer sees each step on the timeline. Every page passes axe.
 */
@BrowserTest
class ReferralPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired DirectoryFixtures directory;
  @Autowired MutableClock clock;
  @Autowired ReferralRecords referrals;

  OrganizationId agency;
  OrganizationId provider;
  TestUser officer;
  TestUser caseworker;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    officer = testUsers.enrolled(agency, Role.OFFICER);
    caseworker = testUsers.enrolled(provider, Role.PROVIDER_STAFF);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void theOfficerRefersTheProviderAnswersAndTheOfficerSeesEachStep(Browser browser) {
    Supervised person = supervision.supervised(agency, officer.id());
    UUID service = directory.stewardedService(provider);

    signIn(browser, officer);
    browser.open(
        "/referrals/new?person=" + person.person() + "&service=" + service + "&need=HOUSING");
    assertThat(text(browser, "h1")).isEqualTo("Refer to a service");
    browser.assertNoAccessibilityViolations();

    // Sending without a reason names the field, from the error summary.
    browser.driver().findElement(By.id("send-referral")).click();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Enter the reason for the referral");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.id("reason")).sendKeys("Needs stable housing before release");
    browser.driver().findElement(By.id("send-referral")).click();
    browser.waiting().until(d -> !d.findElements(By.id("saved")).isEmpty());
    String referral = browser.currentPath();
    assertThat(referral).startsWith("/referrals/");
    assertThat(state(browser)).isEqualTo("Sent");
    browser.screenshot("referral-sent");
    browser.assertNoAccessibilityViolations();
    String id = referral.substring("/referrals/".length());

    signOut(browser);
    signIn(browser, caseworker);
    browser.driver().findElement(By.linkText("Referral inbox")).click();
    browser.waiting().until(d -> browser.currentPath().equals("/provider/referrals"));
    browser.waitUntilReady();
    assertThat(text(browser, "#tab-NEW")).isEqualTo("New (1)");
    browser.screenshot("inbox");
    browser.assertNoAccessibilityViolations();
    browser
        .driver()
        .findElement(By.cssSelector("a[href='/provider/referrals/" + id + "']"))
        .click();
    browser.waiting().until(d -> browser.currentPath().equals("/provider/referrals/" + id));
    browser.waitUntilReady();
    browser.assertNoAccessibilityViolations();

    new Select(browser.driver().findElement(By.id("caseworkerId")))
        .selectByValue(caseworker.id().value().toString());
    browser.driver().findElement(By.id("assign")).click();
    browser.waiting().until(d -> !d.findElements(By.id("saved")).isEmpty());
    assertThat(text(browser, "#caseworker")).isNotEqualTo("Not assigned");

    // Accepting with the keyboard alone.
    WebElement accept = browser.driver().findElement(By.id("accept"));
    tabUntil(browser, accept);
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> state(browser).equals("Accepted"));
    browser.waitUntilReady();
    browser.assertNoAccessibilityViolations();

    browser
        .driver()
        .findElement(By.id("intakeDate"))
        .sendKeys(LocalDate.now(clock).plusDays(4).toString());
    browser.driver().findElement(By.id("intakeTime")).sendKeys("10:30");
    browser.driver().findElement(By.id("place")).sendKeys("Room 4, Main Street office");
    browser.driver().findElement(By.id("schedule")).click();
    browser.waiting().until(d -> state(browser).equals("Intake scheduled"));
    browser.waitUntilReady();
    browser.screenshot("provider-referral");
    browser.assertNoAccessibilityViolations();

    signOut(browser);
    clock.advance(Duration.ofMinutes(1));
    signIn(browser, officer);
    browser.open(referral);
    assertThat(state(browser)).isEqualTo("Intake scheduled");
    assertThat(text(browser, "#timeline"))
        .contains("Sent", "Caseworker assigned", "Accepted", "Intake scheduled");
    assertThat(text(browser, "#intake")).contains("Room 4, Main Street office");
    browser.assertNoAccessibilityViolations();

    browser.open("/referrals?filter=OPEN");
    assertThat(browser.driver().findElements(By.cssSelector("a[href='" + referral + "']")))
        .hasSize(1);
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void theProviderSeesItsReferralMeasuresAsChartsBesideTables(Browser browser) {
    Supervised person = supervision.supervised(agency, officer.id());
    UUID service = directory.stewardedService(provider);
    BridgewayPrincipal referrer = ReferralFixtures.referrerOf(agency);
    ReferralView draft =
        referrals.draft(referrer, new PersonId(person.person()), ReferralFixtures.draft(service));
    ReferralView sent =
        referrals.send(referrer, draft.id(), new ReferralRecords.Send(null), draft.version());
    referrals.decline(
        ReferralFixtures.providerStaffOf(provider),
        sent.id(),
        new ReferralRecords.Decline(DeclineReason.NO_CAPACITY, "Full"),
        sent.version());

    signIn(browser, caseworker);
    Awaitility.await("the measures of the declined referral")
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> {
              browser.open("/referrals/measures");
              return text(browser, "#figure-sent").equals("1")
                  && !browser.driver().findElements(By.id("table-declines")).isEmpty();
            });
    assertThat(text(browser, "h1")).isEqualTo("Referral measures");
    assertThat(text(browser, "#table-declines")).contains("No capacity");
    // charts.js drew the charts: Chart.js sizes each canvas it draws on.
    browser
        .waiting()
        .until(
            d ->
                d.findElements(By.cssSelector("canvas.bw-chart__canvas")).size() == 2
                    && d.findElements(By.cssSelector("canvas.bw-chart__canvas")).stream()
                        .allMatch(
                            c ->
                                c.getAttribute("style") != null
                                    && c.getAttribute("style").contains("height")));
    browser.assertNoAccessibilityViolations();
    browser.screenshot("referral-measures");
  }

  /** The state badge's text as written (the badge shows it in capitals). */
  private static String state(Browser browser) {
    return browser.driver().findElement(By.id("state")).getAttribute("textContent").strip();
  }

  private static String text(Browser browser, String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
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

  private static void signOut(Browser browser) {
    browser.driver().manage().deleteAllCookies();
  }

  private static void tabUntil(Browser browser, WebElement target) {
    for (int i = 0; i < 120 && !target.equals(browser.focusedElement()); i++) {
      keys(browser, Keys.TAB);
    }
    assertThat(browser.focusedElement()).as("reached by the keyboard").isEqualTo(target);
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }
}

package org.bridgeway.supervision.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/**
 * The person form's aliases, past addresses, race and ethnicity and emergency contact in a browser,
 * without scripts' help: blank rows to fill in, a row ticked for removal, every error named at once
 * and linked from the summary, saved with the keyboard, then shown on the person page. Every page
 * passes axe.
 */
@BrowserTest
class PersonFormPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired MutableClock clock;

  OrganizationId agency;
  TestUser officer;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    officer = testUsers.enrolled(agency, Role.OFFICER);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void theOfficerRecordsAliasesPastAddressesAndAnEmergencyContact(Browser browser) {
    Supervised person = fixtures.supervised(agency, officer.id());
    signIn(browser, officer);
    browser.open("/supervision/people/" + person.person() + "/edit");
    assertThat(browser.driver().findElements(By.cssSelector("#aliases fieldset"))).hasSize(2);
    browser.assertNoAccessibilityViolations();

    // An alias without a family name and a malformed emergency phone: both named at once.
    type(browser, "aliases0.givenName", "Lupe");
    type(browser, "emergencyName", "Rosa Cruz");
    type(browser, "emergencyPhone", "call me");
    browser.driver().findElement(By.id("save-person")).click();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    String summary = browser.driver().findElement(By.id("error-summary")).getText();
    assertThat(summary)
        .contains("Alias 1: family name is required")
        .contains("Enter the emergency contact's phone number");
    browser.screenshot("person-form-rows-error");
    browser.assertNoAccessibilityViolations();

    type(browser, "aliases0.familyName", "Cruz");
    type(browser, "emergencyPhone", "951-555-0101");
    type(browser, "emergencyRelationship", "Mother");
    type(browser, "pastAddresses0.line1", "12 Old Rd");
    type(browser, "pastAddresses0.city", "Riverside");
    type(browser, "pastAddresses0.state", "CA");
    type(browser, "pastAddresses0.postalCode", "92501");
    type(browser, "pastAddresses0.validFrom", "2019-01-01");
    type(browser, "pastAddresses0.validTo", "2021-06-30");
    WebElement asian =
        browser.driver().findElement(By.cssSelector("input[name=races][value=ASIAN]"));
    browser.driver().findElement(By.id("preferredLanguage")).click();
    tabUntil(browser, asian);
    keys(browser, Keys.SPACE);
    tabUntil(browser, browser.driver().findElement(By.id("save-person")));
    keys(browser, Keys.ENTER);
    browser
        .waiting()
        .until(d -> browser.currentPath().equals("/supervision/people/" + person.person()));
    browser.waitUntilReady();
    String page = browser.driver().findElement(By.id("main-content")).getText();
    assertThat(page)
        .contains("Lupe Cruz")
        .contains("12 Old Rd, Riverside, CA 92501, 2019-01-01 to 2021-06-30")
        .contains("Asian")
        .contains("Rosa Cruz (Mother) · 951-555-0101");
    browser.screenshot("person-with-aliases");
    browser.assertNoAccessibilityViolations();

    // The saved alias is ticked for removal with the keyboard.
    browser.open("/supervision/people/" + person.person() + "/edit");
    tabUntil(browser, browser.driver().findElement(By.id("alias-remove-0")));
    keys(browser, Keys.SPACE);
    tabUntil(browser, browser.driver().findElement(By.id("save-person")));
    keys(browser, Keys.ENTER);
    browser
        .waiting()
        .until(d -> browser.currentPath().equals("/supervision/people/" + person.person()));
    browser.waitUntilReady();
    assertThat(browser.driver().findElements(By.id("summary-aliases"))).isEmpty();
  }

  private static void type(Browser browser, String id, String text) {
    WebElement field = browser.driver().findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
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
    for (int i = 0; i < 150 && !target.equals(browser.focusedElement()); i++) {
      keys(browser, Keys.TAB);
    }
    assertThat(browser.focusedElement()).as("reached by the keyboard").isEqualTo(target);
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }
}

package org.bridgeway.consent.pages;

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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An officer records a consent electronically with the person, sees it on the person's consents
 * page, records its revocation and reads the accounting of disclosures, in a browser, every page
 * passing axe.
 */
@BrowserTest
class ConsentPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired MutableClock clock;

  @Test
  void anOfficerRecordsAConsentSeesItRevokesItAndReadsTheAccounting(Browser browser) {
    clock.advance(Duration.ofMinutes(1));
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    Supervised person = supervision.supervised(agency, officer.id());

    signIn(browser, officer);
    browser.open("/supervision/people/" + person.person());
    browser.driver().findElement(By.linkText("Consents")).click();
    browser
        .waiting()
        .until(d -> browser.currentPath().equals("/consent/people/" + person.person()));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("section-ACTIVE")).getText()).contains("None.");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.linkText("Record a consent")).click();
    browser.waiting().until(d -> browser.currentPath().endsWith("/directives/new"));
    browser.waitUntilReady();
    browser.assertNoAccessibilityViolations();

    // Submitting without the terms: the error summary names each missing element.
    submitDirective(browser);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains(
            "Choose who may share the information",
            "Choose what information",
            "Choose at least one purpose",
            "Attest that the person was present and signed");
    browser.assertNoAccessibilityViolations();

    check(browser, "disclosers", agency.toString());
    check(browser, "recipientOrganizations", agency.toString());
    check(browser, "categories", "ATTENDANCE");
    check(browser, "purposes", "SUPERVISION_MONITORING");
    new Select(browser.driver().findElement(By.id("expiryEvent")))
        .selectByValue("END_OF_SUPERVISION");
    WebElement how = browser.driver().findElement(By.id("revocationInstructions"));
    how.clear();
    how.sendKeys("Tell your officer in person or in writing.");
    browser.driver().findElement(By.id("typedName")).sendKeys("Dana Example");
    browser.driver().findElement(By.cssSelector("label[for=attested]")).click();
    submitDirective(browser);
    browser.waiting().until(d -> browser.currentPath().startsWith("/consent/directives/"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText())
        .contains("The consent is recorded.");
    assertThat(browser.driver().findElement(By.id("status")).getText())
        .isEqualToIgnoringCase("Active");
    browser.assertNoAccessibilityViolations();
    String directivePath = browser.currentPath();

    browser.open("/consent/people/" + person.person());
    assertThat(browser.driver().findElement(By.id("section-ACTIVE")).getText())
        .contains("may share attendance with", "until the end of my supervision");
    browser.driver().findElement(By.cssSelector("#section-ACTIVE h3 a")).click();
    browser.waiting().until(d -> browser.currentPath().equals(directivePath));
    browser.waitUntilReady();

    browser.driver().findElement(By.cssSelector("label[for=method-1]")).click();
    browser
        .driver()
        .findElement(By.cssSelector("section[aria-labelledby=revoke-heading] button"))
        .click();
    browser.waiting().until(d -> !d.findElements(By.id("revoked")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText())
        .contains("The revocation is recorded.");
    // The test clock stands still; the revocation is in force from the next moment on.
    clock.advance(Duration.ofSeconds(1));
    browser.open(directivePath);
    assertThat(browser.driver().findElement(By.id("status")).getText())
        .isEqualToIgnoringCase("Revoked");
    assertThat(browser.driver().findElement(By.id("revoked")).getText()).contains("In writing");
    browser.assertNoAccessibilityViolations();

    browser.open("/consent/people/" + person.person());
    assertThat(browser.driver().findElement(By.id("section-REVOKED")).getText())
        .contains("may share attendance with");
    assertThat(browser.driver().findElement(By.id("section-ACTIVE")).getText()).contains("None.");
    browser.driver().findElement(By.linkText("Accounting of disclosures")).click();
    browser.waiting().until(d -> browser.currentPath().endsWith("/accounting"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("no-disclosures")).getText())
        .contains("No information was shared");
    browser.assertNoAccessibilityViolations();
  }

  /** Ticks a checkbox of a group by its value, through its label as a keyboard or mouse would. */
  private static void check(Browser browser, String group, String value) {
    WebElement box =
        browser
            .driver()
            .findElement(By.cssSelector("input[name=" + group + "][value='" + value + "']"));
    if (!box.isSelected()) {
      browser
          .driver()
          .findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"))
          .click();
    }
  }

  private static void submitDirective(Browser browser) {
    browser.driver().findElement(By.cssSelector("#directive-form button[type=submit]")).click();
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

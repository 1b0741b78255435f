package org.bridgeway.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.testing.MutableClock;
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
 * Signing in with the second factor in a real browser, using only the keyboard, and every page
 * built so far checked with axe-core.
 */
@BrowserTest
class SignedInPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired MutableClock clock;

  OrganizationId agency;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void anOfficerSignsInWithTheSecondFactorUsingOnlyTheKeyboard(Browser browser) {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    browser.open("/login");

    WebElement acknowledge = browser.driver().findElement(By.id("acknowledged"));
    tabUntil(browser, acknowledge);
    keys(browser, Keys.SPACE, Keys.TAB);
    keys(browser, officer.email(), Keys.TAB, TestUsers.PASSWORD, Keys.ENTER);

    browser.waiting().until(d -> browser.currentPath().equals("/login/second-factor"));
    browser.assertNoAccessibilityViolations();
    assertThat(browser.focusedElement().getAttribute("id"))
        .as("the code field has focus")
        .isEqualTo("code");
    keys(browser, Totp.codeAt(officer.totpSecret(), clock.instant()), Keys.ENTER);

    browser.waiting().until(d -> browser.currentPath().equals("/"));
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Welcome, Test User");
    browser.screenshot("signed-in-home");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void aWrongPasswordShowsAnAccessibleErrorAndNoDataPage(Browser browser) {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    signInForm(browser, officer.email(), "this is not the password");

    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.currentPath()).isEqualTo("/login");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void everyAdministrationPageIsAccessible(Browser browser) {
    TestUser admin = testUsers.enrolled(agency, Role.NETWORK_ADMIN);
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    signIn(browser, admin);

    for (String path :
        List.of(
            "/admin/organizations",
            "/admin/organizations/new",
            "/admin/organizations/" + agency,
            "/admin/users",
            "/admin/users/invite",
            "/admin/users/" + officer.id(),
            "/admin/api-tokens",
            "/admin/audit")) {
      browser.open(path);
      assertThat(browser.driver().findElement(By.tagName("h1")).isDisplayed()).as(path).isTrue();
      browser.assertNoAccessibilityViolations();
    }
  }

  @Test
  void aFormWithErrorsMovesFocusToAnAccessibleErrorSummary(Browser browser) {
    TestUser admin = testUsers.enrolled(agency, Role.ORGANIZATION_ADMIN);
    signIn(browser, admin);
    browser.open("/admin/users/invite");
    browser.driver().findElement(By.cssSelector("main button[type=submit]")).click();

    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser
        .waiting()
        .until(d -> "error-summary".equals(browser.focusedElement().getAttribute("id")));
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains(
            "Enter an email address", "Enter the user's full name", "Choose at least one role");
    browser.screenshot("invite-errors");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void enrolmentAndRecoveryCodePagesAreAccessible(Browser browser) {
    TestUser newcomer = testUsers.withoutSecondFactor(agency, Role.OFFICER);
    signInForm(browser, newcomer.email(), TestUsers.PASSWORD);
    browser.waiting().until(d -> browser.currentPath().equals("/login/enrol"));
    browser.screenshot("enrol");
    browser.assertNoAccessibilityViolations();

    String secret = browser.driver().findElement(By.id("totp-secret")).getText();
    browser
        .driver()
        .findElement(By.id("code"))
        .sendKeys(Totp.codeAt(secret, clock.instant()), Keys.ENTER);
    browser.waiting().until(d -> browser.currentPath().equals("/login/recovery-codes"));
    assertThat(browser.driver().findElements(By.cssSelector(".recovery-codes code"))).hasSize(10);
    browser.assertNoAccessibilityViolations();
  }

  private void signIn(Browser browser, TestUser user) {
    signInForm(browser, user.email(), TestUsers.PASSWORD);
    browser.waiting().until(d -> browser.currentPath().equals("/login/second-factor"));
    browser
        .driver()
        .findElement(By.id("code"))
        .sendKeys(Totp.codeAt(user.totpSecret(), clock.instant()), Keys.ENTER);
    browser.waiting().until(d -> browser.currentPath().equals("/"));
  }

  private static void signInForm(Browser browser, String email, String password) {
    browser.open("/login");
    browser.driver().findElement(By.cssSelector("label[for=acknowledged]")).click();
    browser.driver().findElement(By.id("email")).sendKeys(email);
    browser.driver().findElement(By.id("password")).sendKeys(password, Keys.ENTER);
  }

  private static void tabUntil(Browser browser, WebElement target) {
    for (int i = 0; i < 20 && !target.equals(browser.focusedElement()); i++) {
      keys(browser, Keys.TAB);
    }
    assertThat(browser.focusedElement()).as("reached by the keyboard").isEqualTo(target);
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }
}

package org.bridgeway.supervision.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Offices in a browser: an administrator opens an office (after a rejected empty form), moves an
 * officer to it, and transfers a case there with the keyboard; a transfer to an officer of another
 * office is refused on the field. The person page then shows the office and the assignment history.
 * Every page passes axe.
 */
@BrowserTest
class OfficePagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  OrganizationId agency;
  TestUser admin;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin = testUsers.enrolled(agency, Role.ORGANIZATION_ADMIN);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void anAdministratorOpensAnOfficeAndTransfersACaseThere(Browser browser) {
    Supervised s = fixtures.supervised(agency);
    UserId desertOfficer = fixtures.officer(agency);
    UserId mainOfficer = fixtures.officer(agency);
    signIn(browser, admin);

    browser.open("/supervision/offices");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Offices");
    assertThat(browser.driver().findElement(By.tagName("tbody")).getText()).contains("Main office");
    browser.assertNoAccessibilityViolations();

    browser.open("/supervision/offices/new");
    browser.driver().findElement(By.id("city")).sendKeys("Indio");
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Name is required")
        .contains("Street address is required");
    browser.screenshot("office-form-error");
    browser.assertNoAccessibilityViolations();

    type(browser, "name", "Desert office");
    type(browser, "line1", "47-940 Arabia St");
    type(browser, "state", "CA");
    type(browser, "postalCode", "92201");
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    browser.waiting().until(d -> browser.currentPath().equals("/supervision/offices"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.cssSelector(".usa-alert--success")).getText())
        .contains("The office was opened.");
    browser.driver().findElement(By.linkText("Desert office")).click();
    browser.waiting().until(d -> browser.currentPath().endsWith("/edit"));
    browser.waitUntilReady();
    new Select(browser.driver().findElement(By.id("officerId")))
        .selectByValue(desertOfficer.toString());
    browser
        .driver()
        .findElement(By.xpath("//button[normalize-space()='Move to this office']"))
        .click();
    browser.waiting().until(d -> browser.currentPath().equals("/supervision/offices"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.cssSelector(".usa-alert--success")).getText())
        .contains("The officer now works from this office.");
    browser.assertNoAccessibilityViolations();

    // An officer of the main office cannot take the case at the desert office.
    browser.open("/supervision/cases/" + s.supervisionCase() + "/transfer");
    assertThat(browser.driver().findElement(By.id("main-content")).getText())
        .contains("at Main office");
    browser.assertNoAccessibilityViolations();
    new Select(browser.driver().findElement(By.id("officeId")))
        .selectByVisibleText("Desert office");
    new Select(browser.driver().findElement(By.id("officerId")))
        .selectByValue(mainOfficer.toString());
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("The officer does not work from the chosen office");
    browser.screenshot("transfer-error");
    browser.assertNoAccessibilityViolations();
    assertThat(officeOfCase(s)).isEqualTo("Main office");

    // With the keyboard: the desert office's officer, and a reason.
    new Select(browser.driver().findElement(By.id("officeId")))
        .selectByVisibleText("Desert office");
    new Select(browser.driver().findElement(By.id("officerId")))
        .selectByValue(desertOfficer.toString());
    WebElement reason = browser.driver().findElement(By.id("reason"));
    reason.clear();
    reason.sendKeys("Moved to Indio");
    tabUntil(
        browser, browser.driver().findElement(By.cssSelector("main form button[type=submit]")));
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    browser.waiting().until(d -> browser.currentPath().equals("/supervision/people/" + s.person()));
    browser.waitUntilReady();
    String page = browser.driver().findElement(By.id("main-content")).getText();
    assertThat(page)
        .contains("The case was transferred.")
        .contains("Desert office")
        .contains("Assignment history")
        .contains("Moved to Indio")
        .contains("Case transferred from");
    browser.screenshot("person-after-office-transfer");
    browser.assertNoAccessibilityViolations();
    assertThat(officeOfCase(s)).isEqualTo("Desert office");
  }

  private String officeOfCase(Supervised s) {
    return jdbc.sql(
            "SELECT o.name FROM supervision_case c JOIN supervision_office o ON o.id = c.office_id"
                + " WHERE c.id = ?")
        .param(s.supervisionCase())
        .query(String.class)
        .single();
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
    for (int i = 0; i < 80 && !target.equals(browser.focusedElement()); i++) {
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }
    assertThat(browser.focusedElement()).as("reached by the keyboard").isEqualTo(target);
  }
}

package org.bridgeway.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.supervision.SupervisionNeeds;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Planned;
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
 * An officer completes an assessment with the keyboard alone, meets the error summary on the way,
 * and works on the case plan; the assessment form, history, plan editor and printable plan pass
 * axe.
 */
@BrowserTest
class AssessmentPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired MutableClock clock;
  @Autowired SupervisionFixtures fixtures;
  @Autowired SupervisionNeeds needs;

  OrganizationId agency;
  TestUser officer;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    officer = testUsers.enrolled(agency, Role.OFFICER);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void anOfficerCompletesAnAssessmentWithTheKeyboardAlone(Browser browser) {
    fixtures.instrument(agency);
    Supervised person = fixtures.supervised(agency, officer.id());
    signIn(browser, officer);
    browser.open("/supervision/people/" + person.person() + "/assessments/new");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .startsWith("Needs assessment");
    browser.assertNoAccessibilityViolations();

    // Answer only the first question and submit: the error summary names the others.
    WebElement first = browser.driver().findElement(By.id("answer-h1"));
    tabUntil(browser, first);
    keys(browser, Keys.ARROW_DOWN);
    assertThat(browser.driver().findElement(By.id("answer-h1-1")).isSelected()).isTrue();
    browser.driver().findElement(By.id("submit-assessment")).sendKeys(Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser
        .waiting()
        .until(d -> "error-summary".equals(browser.focusedElement().getAttribute("id")));
    String summary = browser.driver().findElement(By.id("error-summary")).getText();
    assertThat(summary).contains("Choose an answer to question 2", "question 3");
    assertThat(summary).doesNotContain("question 1");
    assertThat(browser.driver().findElement(By.id("answer-h1-1")).isSelected())
        .as("the answer given is kept")
        .isTrue();
    browser.screenshot("assessment-errors");
    browser.assertNoAccessibilityViolations();

    // Follow the summary's link to the second question and answer the rest by keyboard.
    browser
        .driver()
        .findElement(By.cssSelector("#error-summary a[href='#answer-h2']"))
        .sendKeys(Keys.ENTER);
    browser.waiting().until(d -> "answer-h2".equals(browser.focusedElement().getAttribute("id")));
    keys(browser, Keys.SPACE);
    tabUntil(browser, browser.driver().findElement(By.id("answer-e1")));
    keys(browser, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertThat(browser.driver().findElement(By.id("answer-e1-2")).isSelected()).isTrue();
    tabUntil(browser, browser.driver().findElement(By.id("submit-assessment")));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> browser.currentPath().endsWith("/assessments"));
    browser.waiting().until(d -> !d.findElements(By.cssSelector(".usa-alert--success")).isEmpty());
    assertThat(needs.latestForSystem(new PersonId(person.person())).riskLevel())
        .isEqualTo(RiskLevel.HIGH);
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .contains("Next assessment due");
    browser.screenshot("assessment-history");
    browser.assertNoAccessibilityViolations();

    browser.open("/supervision/people/" + person.person() + "/assessments/external");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void theCasePlanEditorAndThePrintablePlanAreAccessible(Browser browser) {
    Planned planned = fixtures.planned(agency);
    Supervised mine = fixtures.supervised(agency, officer.id());
    signIn(browser, testUsers.enrolled(agency, Role.ORGANIZATION_ADMIN));
    String plan = "/supervision/cases/" + planned.supervised().supervisionCase() + "/plan";
    browser.open(plan);
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .contains("Goal 1: Housing", "Fill in the housing application");
    browser.assertNoAccessibilityViolations();

    // A signature before the plan was made is refused with the field named.
    WebElement signedOn = browser.driver().findElement(By.id("signedOn"));
    setDate(browser, signedOn, planned.createdOn().minusDays(1));
    signedOn.submit();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("cannot be before the plan was made");
    browser.screenshot("plan-errors");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.id("goal-description")).sendKeys("Eat regular meals");
    browser.driver().findElement(By.id("goal-description")).submit();
    browser.waiting().until(d -> !d.findElements(By.cssSelector(".usa-alert--success")).isEmpty());
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .contains("Eat regular meals");

    browser.open(plan + "/print");
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .contains("Signature of the officer, and date");
    browser.screenshot("plan-print");
    browser.assertNoAccessibilityViolations();

    browser.open("/supervision/cases/" + mine.supervisionCase() + "/plan");
    browser.assertNoAccessibilityViolations();
  }

  private static void setDate(Browser browser, WebElement input, LocalDate day) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", input, day.toString());
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

  private static void tabUntil(Browser browser, WebElement target) {
    for (int i = 0; i < 80 && !target.equals(browser.focusedElement()); i++) {
      keys(browser, Keys.TAB);
    }
    assertThat(browser.focusedElement()).as("reached by the keyboard").isEqualTo(target);
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }
}

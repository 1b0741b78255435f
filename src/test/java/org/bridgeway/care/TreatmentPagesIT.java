package org.bridgeway.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.directive.ConsentDirectiveRecords;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.FormLanguage;
import org.bridgeway.consent.directive.SignatureMethod;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The officer's treatment page (reached from the person page, with what is withheld and why) and
 * the provider's report form (errors beside the fields, then a drug test posted), in a browser,
 * each passing axe.
 */
@BrowserTest
class TreatmentPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ConsentDirectiveRecords directives;

  OrganizationId agency;
  OrganizationId provider;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void theOfficerSeesThatTheProvidersReportsAreWithheldAndWhy(Browser browser) {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    Supervised person = supervision.supervised(agency, officer.id());
    Episode episode = care.episode(agency, person, provider);
    care.positiveDrugTest(episode);
    care.attendance(episode);
    String providerName =
        jdbc.sql("SELECT name FROM identity_organization WHERE id = :id")
            .param("id", provider.value())
            .query(String.class)
            .single();

    signIn(browser, officer);
    browser.open("/supervision/people/" + person.person());
    browser.driver().findElement(By.linkText("Treatment")).click();
    browser.waiting().until(d -> browser.currentPath().endsWith("/treatment"));
    browser.waitUntilReady();

    String withheld = browser.driver().findElement(By.id("withheld")).getText();
    assertThat(withheld)
        .contains("Drug test results from " + providerName + " are withheld")
        .contains("Attendance records from " + providerName + " are withheld");
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .doesNotContain("Observed urine screen")
        .doesNotContain("Attended the group session");
    assertThat(browser.driver().findElements(By.id("part2-notice"))).isEmpty();
    browser.assertNoAccessibilityViolations();

    // The record form without a provider: the error summary takes the focus.
    WebElement start = browser.driver().findElement(By.id("startedOn"));
    start.sendKeys("2099-01-01", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Choose a treatment provider");
    browser.assertNoAccessibilityViolations();

    // With a consent that covers drug test results, they are shown under the §2.32 notice.
    directives.record(
        BridgewayPrincipal.user(
            officer.id(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Officer",
            Set.of(Role.OFFICER)),
        new PersonId(person.person()),
        new ConsentDirectiveRecords.NewDirective(
            new DirectiveTerms(
                DirectiveKind.GENERAL,
                null,
                Set.of(provider),
                false,
                Set.of(InformationCategory.DRUG_TEST_RESULTS),
                null,
                Set.of(agency),
                Set.of(),
                Set.of(DisclosurePurpose.SUPERVISION_MONITORING),
                null,
                ExpiryEvent.END_OF_SUPERVISION,
                null,
                null,
                "Tell your officer."),
            null,
            LocalDate.now(clock),
            SignatureMethod.ELECTRONIC,
            "Pat Example",
            true,
            null,
            FormLanguage.EN));
    browser.open("/care/people/" + person.person() + "/treatment");
    assertThat(browser.driver().findElement(By.id("part2-notice")).getText())
        .contains("42 CFR part 2");
    assertThat(browser.driver().findElement(By.tagName("main")).getText())
        .contains("Observed urine screen")
        .doesNotContain("Attended the group session");
    assertThat(browser.driver().findElement(By.id("withheld")).getText())
        .contains("Attendance records from " + providerName + " are withheld")
        .doesNotContain("Drug test results");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void theProviderPostsADrugTestFromTheReportForm(Browser browser) {
    TestUser staff = testUsers.enrolled(provider, Role.PROVIDER_STAFF);
    Supervised person = supervision.supervised(agency);
    Episode episode = care.episode(agency, person, provider);

    signIn(browser, staff);
    browser.open("/care/provider/episodes");
    browser.assertNoAccessibilityViolations();
    browser
        .driver()
        .findElement(By.cssSelector("a[href='/care/provider/episodes/" + episode.id() + "']"))
        .click();
    browser.waiting().until(d -> browser.currentPath().endsWith(episode.id().toString()));
    browser.waitUntilReady();
    browser.assertNoAccessibilityViolations();

    new Select(browser.driver().findElement(By.id("category"))).selectByValue("DRUG_TEST_RESULTS");
    browser.driver().findElement(By.id("reportedOn")).sendKeys("not a day");
    browser
        .driver()
        .findElement(By.cssSelector("section[aria-labelledby=report-heading] button"))
        .click();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Enter a date as YYYY-MM-DD", "Enter a summary");
    browser.assertNoAccessibilityViolations();

    WebElement day = browser.driver().findElement(By.id("reportedOn"));
    day.clear();
    day.sendKeys(LocalDate.now(clock).toString());
    browser.driver().findElement(By.id("summary")).sendKeys("Observed urine screen, 12-panel");
    new Select(browser.driver().findElement(By.id("result"))).selectByValue("POSITIVE");
    browser.driver().findElement(By.cssSelector("label[for='substances-4']")).click();
    browser
        .driver()
        .findElement(By.cssSelector("section[aria-labelledby=report-heading] button"))
        .click();
    browser.waiting().until(d -> !d.findElements(By.cssSelector("[role=status]")).isEmpty());
    browser.waitUntilReady();
    String reports = browser.driver().findElement(By.tagName("table")).getText();
    assertThat(reports).contains("Positive", "Cannabis", "Observed urine screen, 12-panel");
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

package org.bridgeway.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A community coordinator uploads the official HSDS example on the import page, follows the job
 * until its report appears, and every page on the way passes axe.
 */
@BrowserTest
class DirectoryImportPageIT {

  @Autowired TestUsers testUsers;
  @Autowired MutableClock clock;
  @Autowired ImportJobRunner runner;

  OrganizationId agency;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void aCoordinatorUploadsTheOfficialExampleAndSeesTheReport(Browser browser) throws Exception {
    TestUser coordinator = testUsers.enrolled(agency, Role.COMMUNITY_COORDINATOR);
    signIn(browser, coordinator);
    Path file = Files.createTempFile("service_full", ".json");
    Files.writeString(
        file, ExchangeFixtures.exampleWithFreshIds("service_full.json"), StandardCharsets.UTF_8);

    browser.open("/directory/imports");
    browser.assertNoAccessibilityViolations();
    browser.driver().findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();

    browser.waiting().until(d -> browser.currentPath().matches("/directory/imports/[0-9a-f-]{36}"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("import-status")).getText())
        .isEqualTo("Waiting to start");
    browser.assertNoAccessibilityViolations();
    browser.screenshot("import-queued");

    UUID id = UUID.fromString(browser.currentPath().substring("/directory/imports/".length()));
    runner.run(id);

    browser.waiting().until(d -> !d.findElements(By.id("import-result")).isEmpty());
    browser
        .waiting()
        .until(d -> "result-heading".equals(browser.focusedElement().getAttribute("id")));
    assertThat(browser.driver().findElement(By.id("import-status")).getText()).isEqualTo("Written");
    assertThat(browser.driver().findElement(By.id("import-counts")).getText()).contains("service");
    browser.screenshot("import-report");
    browser.assertNoAccessibilityViolations();
    assertThat(browser.consoleErrors()).isEmpty();

    browser.open("/directory/imports");
    assertThat(browser.driver().findElement(By.id("recent-heading")).isDisplayed()).isTrue();
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void aRejectedImportShowsAnAccessibleErrorTable(Browser browser) throws Exception {
    TestUser coordinator = testUsers.enrolled(agency, Role.COMMUNITY_COORDINATOR);
    signIn(browser, coordinator);
    Path file = Files.createTempFile("services", ".csv");
    Path named = file.resolveSibling("services.csv");
    Files.deleteIfExists(named);
    Files.writeString(
        Files.move(file, named),
        "id,organization_id,name,status\n"
            + UUID.randomUUID()
            + ","
            + UUID.randomUUID()
            + ",X,open\n");

    browser.open("/directory/imports");
    browser.driver().findElement(By.id("files")).sendKeys(named.toAbsolutePath().toString());
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    browser.waiting().until(d -> browser.currentPath().matches("/directory/imports/[0-9a-f-]{36}"));
    runner.run(UUID.fromString(browser.currentPath().substring("/directory/imports/".length())));

    browser.waiting().until(d -> !d.findElements(By.id("import-errors")).isEmpty());
    assertThat(browser.driver().findElement(By.id("import-errors")).getText())
        .contains("services.csv", "line 2", "status");
    browser.screenshot("import-rejected");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void theExportPageIsAccessibleAndReportsBadFilters(Browser browser) {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    signIn(browser, officer);

    browser.open("/directory/export");
    browser.assertNoAccessibilityViolations();
    browser.driver().findElement(By.id("organization")).sendKeys("not-an-id");
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();

    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser.screenshot("export-errors");
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
  }
}

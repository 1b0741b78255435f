package org.bridgeway.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.supervision.person.ContactMethod;
import org.bridgeway.supervision.person.ContactPreferences;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.bridgeway.testing.browser.Browser;
import org.bridgeway.testing.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agency administrator imports the legacy export on the import page (a file that is not the
 * export, refused at once; a file with a bad row, whose job page shows every error; then a good
 * one, whose job page follows it to the report) and merges two records of one person after
 * reviewing them side by side; every page on the way passes axe.
 */
@BrowserTest
class SupervisionImportAndMergePagesIT {

  @Autowired TestUsers testUsers;
  @Autowired MutableClock clock;
  @Autowired PersonRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired OneTimeTask<Void> supervisionImportTask;

  OrganizationId agency;
  String tag;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    clock.advance(Duration.ofMinutes(1));
    tag = Long.toHexString(UUID.randomUUID().getMostSignificantBits()).substring(0, 8);
  }

  @Test
  void anAdministratorImportsTheExportAndSeesEveryErrorFirst(Browser browser) throws Exception {
    TestUser admin = testUsers.enrolled(agency, Role.ORGANIZATION_ADMIN);
    TestUser officer = testUsers.withoutSecondFactor(agency, Role.OFFICER);
    signIn(browser, admin);
    LocalDate today = LocalDate.now(clock);
    String header =
        "agency_id,given_name,family_name,date_of_birth,supervision_type,court,docket_number,"
            + "offense_category,offense_description,start_date,expected_end_date,level,"
            + "officer_email\n";
    String good =
        "A-%s,Marta%s,Quiroga%s,1984-07-09,PROBATION,Riverside Superior Court,CR-1,PROPERTY,Theft,%s,%s,LOW,%s\n"
            .formatted(tag, tag, tag, today.minusMonths(1), today.plusYears(1), officer.email());
    Path bad = file("bad", header + good.replace("1984-07-09", today.plusDays(3).toString()));
    Path fine = file("good", header + good);

    Path notTheExport = file("other", "name,phone\nRosa,555-0100\n");

    browser.open("/supervision/imports");
    browser.assertNoAccessibilityViolations();

    // A file that is not the export at all is refused at once, on the upload page.
    browser.driver().findElement(By.id("file")).sendKeys(notTheExport.toAbsolutePath().toString());
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("import-errors")).isEmpty());
    assertThat(browser.driver().findElement(By.id("import-errors")).getText())
        .contains("name", "is not a column of the export");
    browser.assertNoAccessibilityViolations();

    // A file with a bad row becomes a job; its page follows it and shows every error.
    browser.driver().findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    UUID rejected = followToJobPage(browser);
    assertThat(browser.driver().findElement(By.id("import-status")).getText())
        .isEqualTo("Waiting to start");
    assertThat(browser.driver().findElement(By.id("import-progress-text")).getText())
        .contains("1 row to check");
    browser.screenshot("supervision-import-queued");
    browser.assertNoAccessibilityViolations();
    run(rejected);
    browser.waiting().until(d -> !d.findElements(By.id("import-errors")).isEmpty());
    assertThat(browser.driver().findElement(By.id("import-errors")).getText())
        .contains("date_of_birth", "must not be in the future");
    assertThat(browser.driver().findElement(By.id("import-status")).getText())
        .isEqualTo("Not imported: the file has errors");
    browser
        .waiting()
        .until(d -> "error-summary".equals(browser.focusedElement().getAttribute("id")));
    assertThat(browser.driver().findElement(By.id("error-report")).getAttribute("href"))
        .endsWith("/supervision/imports/" + rejected + "/errors.csv");
    browser.screenshot("supervision-import-rejected");
    browser.assertNoAccessibilityViolations();
    assertThat(peopleOfAgency()).isZero();

    // The good file, submitted with the keyboard; the page follows the job to its report.
    browser.open("/supervision/imports");
    browser.driver().findElement(By.id("file")).sendKeys(fine.toAbsolutePath().toString());
    browser
        .driver()
        .findElement(By.cssSelector("main form button[type=submit]"))
        .sendKeys(Keys.ENTER);
    UUID written = followToJobPage(browser);
    assertThat(browser.driver().findElement(By.id("import-progress-bar")).getDomAttribute("value"))
        .as("a queued job's progress bar is indeterminate")
        .isNullOrEmpty();
    run(written);
    browser.waiting().until(d -> !d.findElements(By.id("import-result")).isEmpty());
    assertThat(browser.driver().findElement(By.id("import-counts")).getText())
        .contains("1 created", "1 opened");
    assertThat(browser.driver().findElement(By.id("import-status")).getText())
        .isEqualTo("Imported");
    assertThat(browser.driver().findElements(By.id("import-progress"))).isEmpty();
    browser.screenshot("supervision-import-written");
    browser.assertNoAccessibilityViolations();
    assertThat(browser.consoleErrors())
        .as("only the refused upload's 400 answer")
        .allMatch(error -> error.contains("status of 400"));
    assertThat(peopleOfAgency()).isEqualTo(1);

    browser.open("/supervision/imports");
    assertThat(browser.driver().findElement(By.id("recent-imports")).getText())
        .contains("Imported", "Not imported: the file has errors");
    browser.assertNoAccessibilityViolations();
  }

  /** Waits for the upload's redirect to the job page; the job's id. */
  private UUID followToJobPage(Browser browser) {
    browser
        .waiting()
        .until(d -> browser.currentPath().matches("/supervision/imports/[0-9a-f-]{36}"));
    browser.waitUntilReady();
    return UUID.fromString(browser.currentPath().substring("/supervision/imports/".length()));
  }

  /** Runs the job as the scheduler would (the scheduler does not run in tests). */
  private void run(UUID job) {
    supervisionImportTask.execute(supervisionImportTask.instance(job.toString()), null);
  }

  @Test
  void anAdministratorReviewsTwoRecordsAndMergesThem(Browser browser) {
    TestUser admin = testUsers.enrolled(agency, Role.ORGANIZATION_ADMIN);
    var principal =
        Principals.apiClient(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    LocalDate birth = LocalDate.of(1977, 3, 14);
    Person first = records.enter(principal, details("William", "Hartley" + tag, birth, "1"), true);
    Person second = records.enter(principal, details("Bill", "Hartley" + tag, birth, "2"), true);
    signIn(browser, admin);

    browser.open("/supervision/duplicates");
    browser.assertNoAccessibilityViolations();
    assertThat(browser.driver().findElement(By.id("duplicates")).getText())
        .contains("Hartley" + tag);

    browser.open("/supervision/people/" + first.id() + "/merge/" + second.id());
    browser.assertNoAccessibilityViolations();
    assertThat(browser.driver().findElement(By.id("records")).getText())
        .contains("William Hartley" + tag, "Bill Hartley" + tag);
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Say why the records are the same person.");
    browser.screenshot("supervision-merge-review-errors");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.cssSelector("label[for=survivor]")).click();
    browser
        .driver()
        .findElement(By.id("reason"))
        .sendKeys("Same birth date and SID on the court order");
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("merge-done")).isEmpty());
    browser.assertNoAccessibilityViolations();
    assertThat(
            jdbc.sql("SELECT merged_into_id FROM supervision_person WHERE id = ?")
                .param(second.id().value())
                .query(UUID.class)
                .single())
        .isEqualTo(first.id().value());
  }

  private PersonDetails details(String given, String family, LocalDate birth, String suffix) {
    return new PersonDetails(
        new PersonName(given, null, family),
        List.of(),
        birth,
        List.of(new Identification(IdentifierKind.AGENCY_ID, "B-" + tag + "-" + suffix)),
        Gender.MALE,
        Set.of(),
        null,
        "en",
        false,
        List.of(),
        new ContactPreferences(null, null, ContactMethod.NONE, null),
        null);
  }

  private long peopleOfAgency() {
    return jdbc.sql("SELECT count(*) FROM supervision_person WHERE organization_id = ?")
        .param(agency.value())
        .query(Long.class)
        .single();
  }

  private static Path file(String name, String content) throws Exception {
    Path file = Files.createTempFile(name, ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
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

package org.bridgeway.care.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A provider's staff member uploads attendance on the upload page: a file that is not an attendance
 * file, refused at once; a file with a bad row, whose job page shows every error; then a good one,
 * submitted with the keyboard, whose job page follows it to the report; then a drug test file,
 * chosen in the page's select. Every page on the way passes axe.
 */
@BrowserTest
class CareUploadPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired MutableClock clock;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired JdbcClient jdbc;
  @Autowired OneTimeTask<Void> careUploadTask;

  @Test
  void providerStaffUploadAttendanceAndTestsAndSeeEveryErrorFirst(Browser browser)
      throws Exception {
    clock.advance(Duration.ofMinutes(1));
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    OrganizationId provider = care.provider();
    Episode episode = care.episode(agency, supervision.supervised(agency), provider);
    TestUser staff = testUsers.enrolled(provider, Role.PROVIDER_STAFF);
    String tag = Long.toHexString(UUID.randomUUID().getMostSignificantBits()).substring(0, 8);
    Instant yesterday = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    String header = "external_id,episode_id,starts_at,kind,mode,attendance,reason\n";
    String good =
        "%s-1,%s,%s,INDIVIDUAL,IN_PERSON,ATTENDED,\n%s-2,%s,%s,GROUP,IN_PERSON,NO_SHOW_EXCUSED,Flu\n"
            .formatted(
                tag, episode.id(), yesterday, tag, episode.id(), yesterday.minusSeconds(86_400));
    Path notAttendance = file("other", "name,phone\nRosa,555-0100\n");
    Path bad = file("bad", header + good.replace(",Flu", ","));
    Path fine = file("good", header + good);
    signIn(browser, staff);

    browser.open("/care/provider/uploads");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.id("file")).sendKeys(notAttendance.toString());
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    browser.waiting().until(d -> !d.findElements(By.id("upload-errors")).isEmpty());
    assertThat(browser.driver().findElement(By.id("upload-errors")).getText())
        .contains("is not a column of the attendance file");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.id("file")).sendKeys(bad.toString());
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    UUID rejected = followToJobPage(browser);
    assertThat(browser.driver().findElement(By.id("upload-status")).getText())
        .isEqualTo("Waiting to start");
    browser.assertNoAccessibilityViolations();
    run(rejected);
    browser.waiting().until(d -> !d.findElements(By.id("upload-errors")).isEmpty());
    assertThat(browser.driver().findElement(By.id("upload-errors")).getText())
        .contains("reason", "is required for a no-show or a provider cancellation");
    assertThat(browser.driver().findElement(By.id("upload-status")).getText())
        .isEqualTo("Not uploaded: the file has errors");
    browser.screenshot("care-upload-rejected");
    browser.assertNoAccessibilityViolations();
    assertThat(appointments(tag)).isZero();

    browser.open("/care/provider/uploads");
    browser.driver().findElement(By.id("file")).sendKeys(fine.toString());
    browser
        .driver()
        .findElement(By.cssSelector("main form button[type=submit]"))
        .sendKeys(Keys.ENTER);
    UUID written = followToJobPage(browser);
    run(written);
    browser.waiting().until(d -> !d.findElements(By.id("upload-result")).isEmpty());
    assertThat(browser.driver().findElement(By.id("upload-counts")).getText())
        .contains("2 added", "0 changed", "0 unchanged");
    assertThat(browser.driver().findElement(By.id("upload-status")).getText())
        .isEqualTo("Uploaded");
    browser.screenshot("care-upload-written");
    browser.assertNoAccessibilityViolations();
    assertThat(appointments(tag)).isEqualTo(2);

    // A drug test file, chosen in the select: its job page reports tests.
    Path tests =
        file(
            "tests",
            "specimen_id,episode_id,collected_on,panel,method,result,substances\n"
                + tag
                + "-S1,"
                + episode.id()
                + ","
                + LocalDate.now(clock)
                + ",FIVE_PANEL,URINE,POSITIVE,COCAINE\n");
    browser.open("/care/provider/uploads");
    new Select(browser.driver().findElement(By.id("kind"))).selectByValue("drug-tests");
    browser.driver().findElement(By.id("file")).sendKeys(tests.toString());
    browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
    UUID posted = followToJobPage(browser);
    run(posted);
    browser.waiting().until(d -> !d.findElements(By.id("upload-result")).isEmpty());
    assertThat(browser.driver().findElement(By.id("upload-counts")).getText())
        .contains("Tests: 1 added");
    assertThat(browser.driver().findElement(By.id("upload-details")).getText())
        .contains("Drug and alcohol test results");
    browser.assertNoAccessibilityViolations();
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_drug_test WHERE specimen_id = ?")
                .param(tag + "-S1")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    browser.open("/care/provider/uploads");
    assertThat(browser.driver().findElement(By.id("recent-uploads")).getText())
        .contains(
            "Uploaded",
            "Not uploaded: the file has errors",
            "Drug and alcohol test results",
            "Attendance at appointments");
    browser.assertNoAccessibilityViolations();
  }

  private long appointments(String tag) {
    return jdbc.sql("SELECT count(*) FROM care_appointment WHERE external_id LIKE ?")
        .param(tag + "-%")
        .query(Long.class)
        .single();
  }

  /** Waits for the upload's redirect to the job page; the job's id. */
  private UUID followToJobPage(Browser browser) {
    browser
        .waiting()
        .until(d -> browser.currentPath().matches("/care/provider/uploads/[0-9a-f-]{36}"));
    browser.waitUntilReady();
    return UUID.fromString(browser.currentPath().substring("/care/provider/uploads/".length()));
  }

  /** Runs the job as the scheduler would (the scheduler does not run in tests). */
  private void run(UUID job) {
    careUploadTask.execute(careUploadTask.instance(job.toString()), null);
  }

  private static Path file(String name, String content) throws Exception {
    Path file = Files.createTempFile(name, ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toAbsolutePath();
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

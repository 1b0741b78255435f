package org.bridgeway.directory.listing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.Capacities;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Provider staff keep their capacity current from "My listings" with the keyboard alone, and the
 * listing pages pass axe.
 */
@BrowserTest
class ListingPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired MutableClock clock;
  @Autowired HsdsRecords records;
  @Autowired Capacities capacities;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  OrganizationId provider;
  UUID service;

  @BeforeEach
  void setUp() {
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    service = stewardedService(provider, "Evening Recovery Group");
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void providerStaffUpdateCapacityWithTheKeyboardAlone(Browser browser) {
    TestUser staff = testUsers.enrolled(provider, Role.PROVIDER_STAFF);
    signIn(browser, staff);
    browser.open("/directory/listings");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("My listings");
    browser.screenshot("listings");
    browser.assertNoAccessibilityViolations();

    WebElement openSlots = browser.driver().findElement(By.id("openSlots-" + service));
    tabUntil(browser, openSlots);
    keys(browser, Keys.chord(Keys.CONTROL, "a"), "6", Keys.TAB, Keys.chord(Keys.CONTROL, "a"), "2");
    keys(browser, Keys.ENTER);

    browser.waiting().until(d -> capacities.find(service).isPresent());
    browser.waiting().until(d -> !d.findElements(By.cssSelector(".usa-alert--success")).isEmpty());
    assertThat(capacities.find(service).orElseThrow().openSlots()).isEqualTo(6);
    assertThat(capacities.find(service).orElseThrow().waitlistLength()).isEqualTo(2);
    assertThat(browser.driver().findElement(By.id("openSlots-" + service)).getDomProperty("value"))
        .isEqualTo("6");
    browser.assertNoAccessibilityViolations();

    WebElement plusOne =
        browser
            .driver()
            .findElement(By.cssSelector("#service-" + service + " button[name=adjust][value='1']"));
    tabUntil(browser, plusOne);
    clock.advance(Duration.ofMinutes(1));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> capacities.find(service).orElseThrow().openSlots() == 7);
    browser
        .waiting()
        .until(
            d -> "7".equals(d.findElement(By.id("openSlots-" + service)).getDomProperty("value")));

    browser.driver().findElement(By.id("openSlots-" + service)).clear();
    browser.driver().findElement(By.id("openSlots-" + service)).sendKeys("-3", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    browser
        .waiting()
        .until(d -> "error-summary".equals(browser.focusedElement().getAttribute("id")));
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("Enter open slots between 0 and 100,000");
    browser.screenshot("listings-error");
    browser.assertNoAccessibilityViolations();
    assertThat(capacities.find(service).orElseThrow().openSlots()).isEqualTo(7);
  }

  @Test
  void theServiceListingPageIsAccessible(Browser browser) {
    TestUser staff = testUsers.enrolled(provider, Role.ORGANIZATION_ADMIN);
    signIn(browser, staff);
    browser.open("/directory/listings/" + service);
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("Evening Recovery Group");
    browser.assertNoAccessibilityViolations();

    WebElement description = browser.driver().findElement(By.id("description"));
    description.clear();
    description.sendKeys("Evening groups for people in early recovery.");
    browser.driver().findElement(By.id("minimumAge")).sendKeys("18");
    browser.driver().findElement(By.id("maximumAge")).sendKeys("12");
    browser
        .driver()
        .findElement(By.cssSelector("form[method=post] button.usa-button.margin-top-3"))
        .click();
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("The maximum age must not be below the minimum age");
    browser.assertNoAccessibilityViolations();

    browser.driver().findElement(By.id("maximumAge")).clear();
    browser
        .driver()
        .findElement(By.cssSelector("form[method=post] button.usa-button.margin-top-3"))
        .click();
    browser.waiting().until(d -> !d.findElements(By.cssSelector(".usa-alert--success")).isEmpty());
    browser.screenshot("service-listing");
    assertThat(browser.driver().getPageSource()).contains("service.description");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void theStewardsPageIsAccessible(Browser browser) {
    TestUser coordinator =
        testUsers.enrolled(
            testUsers.organization(OrganizationKind.COMMUNITY_ORGANIZATION),
            Role.COMMUNITY_COORDINATOR);
    signIn(browser, coordinator);
    browser.open("/directory/stewards?q=Browser+Test+Organization");
    assertThat(browser.driver().findElement(By.tagName("h1")).isDisplayed()).isTrue();
    browser.assertNoAccessibilityViolations();
  }

  private UUID stewardedService(OrganizationId steward, String name) {
    UUID organization = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    UUID location = UUID.randomUUID();
    transactions.executeWithoutResult(
        tx -> {
          records.write(
              List.of(
                  record(
                      HsdsType.ORGANIZATION,
                      organization,
                      "name",
                      "Browser Test Organization " + organization,
                      "description",
                      "Made for a browser test"),
                  record(
                      HsdsType.SERVICE,
                      id,
                      "organization_id",
                      organization.toString(),
                      "name",
                      name,
                      "status",
                      "active",
                      "description",
                      "Made for a browser test"),
                  record(
                      HsdsType.LOCATION,
                      location,
                      "organization_id",
                      organization.toString(),
                      "location_type",
                      "physical"),
                  record(
                      HsdsType.SERVICE_AT_LOCATION,
                      UUID.randomUUID(),
                      "service_id",
                      id.toString(),
                      "location_id",
                      location.toString())),
              "Browser Tests",
              clock.instant());
          jdbc.sql(
                  "INSERT INTO directory_steward (directory_organization_id,"
                      + " network_organization_id, linked_at, linked_by) VALUES (?, ?, ?, ?)")
              .params(organization, steward.value(), Timestamp.from(clock.instant()), "test")
              .update();
        });
    return id;
  }

  private static HsdsRecord record(HsdsType type, UUID id, String... fields) {
    ObjectNode document = JsonMapper.shared().createObjectNode();
    document.put("id", id.toString());
    for (int i = 0; i < fields.length; i += 2) {
      document.put(fields[i], fields[i + 1]);
    }
    return new HsdsRecord(type, id, document);
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
    for (int i = 0; i < 60 && !target.equals(browser.focusedElement()); i++) {
      keys(browser, Keys.TAB);
    }
    assertThat(browser.focusedElement()).as("reached by the keyboard").isEqualTo(target);
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }
}

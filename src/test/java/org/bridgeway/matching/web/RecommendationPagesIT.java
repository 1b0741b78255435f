package org.bridgeway.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.person.Address;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.SupervisionFixtures;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recommendations page in a browser: from the person page's "Find services" link to the ranked
 * list with reasons and the excluded services, then two services compared side by side, all with
 * the keyboard alone. Both views pass axe.
 */
@BrowserTest
class RecommendationPagesIT {

  /** Anchorage, far from every other test's services. */
  static final double LATITUDE = 61.2176;

  static final double LONGITUDE = -149.8997;

  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired MutableClock clock;
  @Autowired Clock appClock;
  @Autowired PersonRecords people;
  @Autowired HsdsRecords records;
  @Autowired ServiceProfiles profiles;
  @Autowired Capacities capacities;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  OrganizationId agency;
  TestUser admin;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin = testUsers.enrolled(agency, Role.ORGANIZATION_ADMIN);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void anOfficerFindsRanksAndComparesServicesWithTheKeyboard(Browser browser) {
    PersonId person = personInAnchorage();
    service("Harbor Housing", 1, null, CostKind.FREE);
    service("Midtown Housing", 3, null, CostKind.SLIDING_SCALE);
    service("Seward Housing", 5, null, CostKind.FIXED);
    service("No-DUI Housing", 1, OffenseCategory.DUI, CostKind.FREE);

    signIn(browser, admin);
    browser.open("/supervision/people/" + person.value());
    WebElement link =
        browser
            .driver()
            .findElement(
                By.cssSelector("a[href='/people/" + person.value() + "/recommendations']"));
    assertThat(link.getText()).isEqualTo("Find services for this person");
    tabUntil(browser, link);
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> browser.currentPath().endsWith("/recommendations"));
    browser.waitUntilReady();

    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Find services");
    List<WebElement> results = browser.driver().findElements(By.cssSelector("#results > li"));
    assertThat(results).hasSizeGreaterThanOrEqualTo(3);
    assertThat(results.getFirst().getText())
        .contains("Harbor Housing")
        .contains("Addresses a high need: Housing.");
    assertThat(results.getFirst().findElement(By.className("refer-link")).getAttribute("href"))
        .contains("/referrals/new?person=" + person.value())
        .contains("need=HOUSING");
    WebElement excluded = browser.driver().findElement(By.id("excluded"));
    tabUntil(browser, excluded.findElement(By.tagName("summary")));
    keys(browser, Keys.ENTER);
    assertThat(excluded.getText())
        .contains("No-DUI Housing")
        .contains("Excludes offenses: Driving under");
    browser.screenshot("recommendations");
    browser.assertNoAccessibilityViolations();

    List<WebElement> boxes =
        browser.driver().findElements(By.cssSelector("#results input[type=checkbox]"));
    for (WebElement box : boxes.subList(0, 2)) {
      tabUntil(browser, box);
      keys(browser, Keys.SPACE);
    }
    tabUntil(browser, browser.driver().findElement(By.id("compare-submit")));
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("compare-table")).isEmpty());
    browser.waitUntilReady();
    WebElement table = browser.driver().findElement(By.id("compare-table"));
    List<WebElement> columns = table.findElements(By.cssSelector("thead th"));
    assertThat(columns).hasSize(2);
    assertThat(columns.get(0).getText()).contains("Harbor Housing");
    assertThat(table.getText()).contains("Need fit").contains("Distance and travel");
    browser.screenshot("recommendations-compared");
    browser.assertNoAccessibilityViolations();
  }

  private PersonId personInAnchorage() {
    SupervisionFixtures.Planned planned = fixtures.planned(agency);
    var adminPrincipal = SupervisionFixtures.administratorOf(agency);
    PersonId id = new PersonId(planned.supervised().person());
    var person = people.read(adminPrincipal, id);
    PersonDetails d = person.details();
    people.revise(
        adminPrincipal,
        id,
        new PersonDetails(
            d.name(),
            d.aliases(),
            d.dateOfBirth(),
            d.identifiers(),
            d.gender(),
            d.races(),
            d.ethnicity(),
            d.preferredLanguage(),
            d.interpreterNeeded(),
            List.of(
                new Address(
                    "1 Test Street",
                    null,
                    "Anchorage",
                    "AK",
                    "99501",
                    LocalDate.now(appClock).minusYears(1),
                    null)),
            d.contact(),
            d.emergencyContact()),
        person.version());
    return id;
  }

  private void service(String name, double miles, OffenseCategory excluded, CostKind cost) {
    UUID id = UUID.randomUUID();
    UUID organization = UUID.randomUUID();
    UUID location = UUID.randomUUID();
    List<HsdsRecord> batch =
        List.of(
            record(HsdsType.ORGANIZATION, organization, "name", name + " Inc", "description", "x"),
            record(
                HsdsType.SERVICE,
                id,
                "organization_id",
                organization.toString(),
                "name",
                name,
                "description",
                "Housing help",
                "status",
                "active"),
            record(
                HsdsType.LOCATION,
                location,
                "organization_id",
                organization.toString(),
                "location_type",
                "physical",
                "name",
                "Office",
                "latitude",
                LATITUDE + miles / 69.05,
                "longitude",
                LONGITUDE),
            record(
                HsdsType.SERVICE_AT_LOCATION,
                UUID.randomUUID(),
                "service_id",
                id.toString(),
                "location_id",
                location.toString()));
    transactions.executeWithoutResult(
        tx -> {
          records.write(batch, "Matching Tests", appClock.instant());
          profiles.save(
              new ServiceProfile(
                  id,
                  Set.of(NeedDomain.HOUSING),
                  null,
                  null,
                  Set.of(),
                  Set.of(),
                  Set.of(),
                  excluded == null ? Set.of() : Set.of(excluded),
                  Set.of(),
                  Set.of(),
                  Set.of("en"),
                  Set.of(),
                  cost,
                  null,
                  null,
                  0),
              appClock.instant());
          capacities.report(id, 2, 0, null, "test", appClock.instant(), null);
          Set<UUID> ids = new HashSet<>();
          batch.forEach(r -> ids.add(r.id()));
          events.publishEvent(new DirectoryRecordsChanged(ids));
        });
  }

  private static HsdsRecord record(HsdsType type, UUID id, Object... fields) {
    ObjectNode document = JsonMapper.shared().createObjectNode();
    document.put("id", id.toString());
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i + 1] instanceof Double number) {
        document.put((String) fields[i], number);
      } else {
        document.put((String) fields[i], fields[i + 1].toString());
      }
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
    browser.waitUntilReady();
  }

  private static void tabUntil(Browser browser, WebElement target) {
    for (int i = 0; i < 200 && !target.equals(browser.focusedElement()); i++) {
      keys(browser, Keys.TAB);
    }
    assertThat(browser.focusedElement()).isEqualTo(target);
  }

  private static void keys(Browser browser, CharSequence key) {
    new Actions(browser.driver()).sendKeys(key).perform();
  }
}

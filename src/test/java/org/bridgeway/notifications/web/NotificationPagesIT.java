package org.bridgeway.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.notifications.inbox.Inbox;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.NotificationFixtures;
import org.bridgeway.testing.NotificationFixtures.Parties;
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
 * The notification pages in a browser, with the keyboard alone: the unread count in the header,
 * marking a notification read, choosing email preferences, and registering a webhook with a bad
 * address and then a good one. Every page passes axe.
 */
@BrowserTest
class NotificationPagesIT {

  @Autowired TestUsers testUsers;
  @Autowired NotificationFixtures fixtures;
  @Autowired Inbox inbox;
  @Autowired MutableClock clock;

  OrganizationId agency;
  OrganizationId provider;
  TestUser officer;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    officer = testUsers.enrolled(agency, Role.OFFICER);
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void aProviderReadsANotificationAndChoosesPreferencesWithTheKeyboard(Browser browser) {
    TestUser staff = testUsers.enrolled(provider, Role.PROVIDER_STAFF);
    fixtures.publish(
        fixtures.change(
            ReferralId.random(),
            Change.SENT,
            ReferralState.SENT,
            new Parties(agency, officer.id(), provider, null),
            officer.id(),
            1));
    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(staff.id()) == 1);

    signIn(browser, staff);
    WebElement header = browser.driver().findElement(By.id("header-notifications"));
    assertThat(header.getText()).containsIgnoringCase("Notifications 1 unread");
    tabUntil(browser, header);
    keys(browser, Keys.ENTER);
    browser.waiting().until(d -> browser.currentPath().equals("/notifications"));
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("notification-list")).getText())
        .contains("A new referral is waiting for your answer.");
    browser.screenshot("notifications");
    browser.assertNoAccessibilityViolations();

    WebElement markRead =
        browser.driver().findElement(By.cssSelector("#notification-list form button"));
    tabUntil(browser, markRead);
    keys(browser, Keys.ENTER);
    browser
        .waiting()
        .until(d -> d.findElement(By.id("unread-summary")).getText().contains("0 unread"));
    browser.waitUntilReady();
    assertThat(inbox.unreadCount(staff.id())).isZero();
    assertThat(browser.driver().findElement(By.id("header-notifications")).getText())
        .doesNotContainIgnoringCase("unread");
    browser.assertNoAccessibilityViolations();

    browser.open("/notifications/preferences");
    assertThat(browser.driver().findElement(By.tagName("h1")).getText())
        .isEqualTo("How you hear of notifications");
    browser.assertNoAccessibilityViolations();
    WebElement digest = browser.driver().findElement(By.id("newReferrals-DIGEST"));
    tabUntil(browser, browser.driver().findElement(By.id("newReferrals")));
    keys(browser, Keys.ARROW_DOWN);
    browser.waiting().until(d -> digest.isSelected());
    browser
        .driver()
        .findElement(By.cssSelector("main form button[type=submit]"))
        .sendKeys(Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.cssSelector(".usa-alert--success")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("newReferrals-DIGEST")).isSelected()).isTrue();
    browser.screenshot("notification-preferences");
    browser.assertNoAccessibilityViolations();
  }

  @Test
  void anAdministratorRegistersAWebhookAfterABadAddress(Browser browser) {
    TestUser admin = testUsers.enrolled(provider, Role.ORGANIZATION_ADMIN);
    signIn(browser, admin);
    browser.open("/notifications/webhooks");
    browser.assertNoAccessibilityViolations();

    WebElement url = browser.driver().findElement(By.id("url"));
    tabUntil(browser, url);
    keys(browser, "https://10.0.0.8/hooks", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    assertThat(browser.driver().findElement(By.id("error-summary")).getText())
        .contains("private or local address");
    browser.screenshot("webhooks-error");
    browser.assertNoAccessibilityViolations();

    WebElement again = browser.driver().findElement(By.id("url"));
    again.clear();
    again.sendKeys("https://partner.example.org/bridgeway", Keys.ENTER);
    browser.waiting().until(d -> !d.findElements(By.id("secret")).isEmpty());
    browser.waitUntilReady();
    assertThat(browser.driver().findElement(By.id("secret")).getText()).startsWith("whsec_");
    browser.screenshot("webhook-registered");
    browser.assertNoAccessibilityViolations();

    browser.driver().navigate().refresh();
    browser.waitUntilReady();
    assertThat(browser.driver().findElements(By.id("secret"))).as("shown once").isEmpty();
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
      keys(browser, Keys.TAB);
    }
    assertThat(browser.focusedElement()).as("reached by the keyboard").isEqualTo(target);
  }

  private static void keys(Browser browser, CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }
}

package org.bridgeway.testing;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.notifications.webhook.Webhooks;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Referral events and webhook endpoints for notification tests. Nothing publishes {@link
 * ReferralChanged} in this branch yet, so tests publish it as the referrals module will: inside a
 * transaction, for the listeners to pick up after commit.
 */
@TestComponent
public class NotificationFixtures {

  /** The parties of a referral between an agency and a provider. */
  public record Parties(
      OrganizationId agency, UserId officer, OrganizationId provider, UserId caseworker) {}

  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Webhooks webhooks;
  private final Clock clock;

  NotificationFixtures(
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Webhooks webhooks,
      Clock clock) {
    this.events = events;
    this.transactions = transactions;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  /** Publishes the event in its own transaction, as a committed referral change does. */
  public ReferralChanged publish(ReferralChanged event) {
    transactions.executeWithoutResult(status -> events.publishEvent(event));
    return event;
  }

  /** A change of the referral by the actor (null for the system), at the given version. */
  public ReferralChanged change(
      ReferralId referral,
      Change change,
      ReferralState state,
      Parties parties,
      UserId actor,
      long version) {
    return new ReferralChanged(
        referral,
        change,
        state,
        parties.agency(),
        parties.officer(),
        parties.provider(),
        parties.caseworker(),
        actor,
        clock.instant(),
        version);
  }

  /** An active webhook endpoint of the organization for every change, at the URL. */
  public Webhooks.Registered webhook(OrganizationId organization, String url) {
    return webhooks.register(
        Principals.user(organization, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN),
        url,
        Set.of(Change.values()));
  }

  /** An endpoint of the organization at a local address that nothing answers. */
  public UUID webhook(OrganizationId organization) {
    return webhook(organization, "http://localhost:9/matrix-" + UUID.randomUUID())
        .endpoint()
        .id()
        .value();
  }
}

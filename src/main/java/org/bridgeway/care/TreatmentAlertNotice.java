package org.bridgeway.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;

/**
 * Tells that a treatment alert needs someone's attention: raised for the person's officers, or
 * escalated to the officer's supervisor because nobody acknowledged it in time. It carries no rule
 * and no detail on purpose: what the alert is about may be Part 2 information, which only the
 * alerts pages show, through the consent engine. Published in the transaction that raised or
 * escalated the alert.
 *
 * @param alert the alert's id
 * @param recipients the staff to tell (the officers, or the supervisor), all of {@code agency}
 */
public record TreatmentAlertNotice(
    UUID alert,
    PersonId person,
    OrganizationId agency,
    Kind kind,
    List<UserId> recipients,
    Instant at) {

  /** What happened to the alert. */
  public enum Kind {
    RAISED,
    ESCALATED
  }

  public TreatmentAlertNotice {
    recipients = List.copyOf(recipients);
  }
}

package org.bridgeway.care.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.supervision.PersonId;

/**
 * An alert to the officers who supervise a person, raised by a rule from what a treatment provider
 * recorded. It holds ids and codes only: the rule says which category of the provider's information
 * it reveals, so that it is shown only as the consent engine permits.
 *
 * @param triggerIds the provider's records that raised it
 * @param day the day the triggering record is about (for days without attendance: the day the rule
 *     found it)
 * @param officers the officers of the person's open cases when it was raised
 * @param escalateAt when it goes to the supervisor if still open; null if the agency does not
 *     escalate
 * @param escalatedTo the supervisor it went to, if any
 */
public record CareAlert(
    CareAlertId id,
    PersonId person,
    OrganizationId agency,
    OrganizationId provider,
    TreatmentEpisodeId episode,
    AlertRule rule,
    List<UUID> triggerIds,
    Sensitivity sensitivity,
    LocalDate day,
    List<UUID> officers,
    Instant raisedAt,
    Instant escalateAt,
    AlertState state,
    Instant escalatedAt,
    UUID escalatedTo,
    String acknowledgedBy,
    Instant acknowledgedAt,
    AlertAction action,
    String note,
    long version) {

  /** The longest note on an acknowledgement, in characters. */
  public static final int MAX_NOTE = 2000;

  public CareAlert {
    triggerIds = List.copyOf(triggerIds);
    officers = List.copyOf(officers);
  }

  /** The category of the provider's information the alert reveals. */
  public InformationCategory category() {
    return rule.category();
  }

  /**
   * Checks that the alert may be acknowledged now.
   *
   * @throws DomainRuleViolation if it was acknowledged already
   */
  void checkAcknowledgeable() {
    if (!state.awaitsAction()) {
      throw new DomainRuleViolation(
          null, "care.alert.acknowledged", "The alert was acknowledged already.");
    }
  }

  /** Whether it is open past its escalation time. */
  boolean dueForEscalation(Instant now) {
    return state == AlertState.OPEN && escalateAt != null && !escalateAt.isAfter(now);
  }
}

package org.bridgeway.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.assessment.NeedsQueries;
import org.springframework.stereotype.Service;

/**
 * What other modules read about a person's needs: the latest assessment's severity per need domain
 * and risk level, the latest responsivity factors, and a caseload summary for many people at once.
 *
 * <p>Calls for a user go through the caseload ({@code CaseloadAccess}, ADR 0009): a person the user
 * does not see answers {@link NotFoundException}, exactly as a missing one, and each read is
 * audited. {@link #latestForSystem} skips that check: it is for the system itself (event listeners,
 * jobs) acting on a person it already knows from an event, never for answering a user's request; a
 * caller that shows its answer to a user must check that user's access first.
 */
@Service
public class SupervisionNeeds {

  private final NeedsQueries queries;

  SupervisionNeeds(NeedsQueries queries) {
    this.queries = queries;
  }

  /**
   * The person's latest needs, risk level and responsivity factors, audited as a read.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  public PersonNeeds latest(BridgewayPrincipal principal, PersonId person) {
    return queries.latest(principal, person);
  }

  /**
   * The person's latest needs without an access check or audit entry: for the system only (see the
   * class comment). A person without assessments has empty needs and no risk level.
   */
  public PersonNeeds latestForSystem(PersonId person) {
    return queries.latestForSystem(person);
  }

  /**
   * For the people given that the caller sees (others are left out, as if missing), the latest risk
   * level, up to three top needs and whether a reassessment is overdue on the day; one query for
   * the whole set.
   *
   * @throws IllegalArgumentException for more than {@link NeedsQueries#MAX_PEOPLE} people
   */
  public Map<PersonId, CaseloadNeeds> caseload(
      BridgewayPrincipal principal, Collection<PersonId> people, LocalDate asOf) {
    return queries.caseload(principal, people, asOf);
  }

  /**
   * For the people with an open case of the agency (of every agency when null), the number with a
   * MODERATE or HIGH need per domain in their latest assessment, by the ZIP code of their current
   * address. Aggregates only, naming nobody: for service-gap analysis (outcomes).
   */
  public java.util.List<AreaNeed> openCaseNeedsByArea(java.util.UUID agency) {
    return queries.openCaseNeedsByArea(agency);
  }
}

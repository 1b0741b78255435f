package org.bridgeway.consent.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.TreatmentEndings;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where directives stand now, for pages and the API (active, expired, revoked, amended), by the
 * same rules as the engine. An end of treatment counts for a directive as a whole when treatment
 * ended at every named discloser.
 */
@Service
public class DirectiveStandings {

  /** A directive's state now. */
  public enum Status {
    ACTIVE,
    EXPIRED,
    EXPIRED_BY_EVENT,
    REVOKED,
    /** Amended by a newer directive. */
    SUPERSEDED
  }

  /**
   * @param since the day the status took effect (null while active)
   */
  public record Standing(Status status, LocalDate since) {}

  private final SupervisedPeople people;
  private final ObjectProvider<TreatmentEndings> treatmentEndings;
  private final Clock clock;

  DirectiveStandings(
      SupervisedPeople people, ObjectProvider<TreatmentEndings> treatmentEndings, Clock clock) {
    this.people = people;
    this.treatmentEndings = treatmentEndings;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Map<ConsentDirectiveId, Standing> standingsOf(List<ConsentDirective> directives) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    Map<PersonId, Optional<LocalDate>> ended = new LinkedHashMap<>();
    DecisionFacts facts =
        new DecisionFacts() {
          @Override
          public boolean recipientSees(PersonId person) {
            return false;
          }

          @Override
          public Optional<LocalDate> supervisionEndedOn(PersonId person) {
            return ended.computeIfAbsent(person, people::supervisionEndedOn);
          }

          @Override
          public Optional<LocalDate> treatmentEndedOn(PersonId person, OrganizationId program) {
            TreatmentEndings endings = treatmentEndings.getIfAvailable();
            return endings == null ? Optional.empty() : endings.treatmentEndedOn(person, program);
          }

          @Override
          public boolean isPart2Program(OrganizationId organization) {
            return false;
          }

          @Override
          public boolean emergencyGrantInForce(PersonId person) {
            return false;
          }
        };
    Map<ConsentDirectiveId, Standing> result = new LinkedHashMap<>();
    for (ConsentDirective directive : directives) {
      if (directive.superseded() && !directive.supersededAt().isAfter(now)) {
        result.put(
            directive.id(),
            new Standing(
                Status.SUPERSEDED, LocalDate.ofInstant(directive.supersededAt(), clock.getZone())));
        continue;
      }
      Standing standing =
          ConsentRules.endingOf(directive, now, today, clock.getZone(), facts, null)
              .map(e -> new Standing(Status.valueOf(e.reason().name()), e.since()))
              .orElse(new Standing(Status.ACTIVE, null));
      result.put(directive.id(), standing);
    }
    return result;
  }
}

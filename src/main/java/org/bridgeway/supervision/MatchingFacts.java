package org.bridgeway.supervision;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;

/**
 * What matching checks a service's eligibility against and measures distance from, for one person.
 * Every fact may be unknown (null or empty); an unknown fact excludes nothing.
 *
 * @param age in whole years on the day asked
 * @param supervisionType of the person's open case (the latest started, if several)
 * @param supervisionLevel of that case
 * @param offenses the offense categories of all the person's cases, open or closed: exclusions such
 *     as sex offenses or arson concern the history, not only the current case
 * @param language the primary subtag of the person's preferred language (BCP 47), e.g. {@code es}
 * @param interpreterNeeded whether the person needs an interpreter for services in another language
 * @param homeZip the five-digit ZIP code of the person's current address
 * @param goals the active goals of the case plans of the person's open cases
 */
public record MatchingFacts(
    PersonId person,
    Integer age,
    Gender gender,
    SupervisionType supervisionType,
    SupervisionLevel supervisionLevel,
    Set<OffenseCategory> offenses,
    String language,
    boolean interpreterNeeded,
    String homeZip,
    List<PlanGoal> goals) {

  public MatchingFacts {
    offenses = Set.copyOf(offenses);
    goals = List.copyOf(goals);
  }

  /**
   * An active case-plan goal: its need domain and the words the officer gave it (null while it is a
   * goal proposed from the assessment and not yet worded).
   */
  public record PlanGoal(UUID id, NeedDomain domain, String description) {}
}

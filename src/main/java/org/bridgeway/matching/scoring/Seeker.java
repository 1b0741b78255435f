package org.bridgeway.matching.scoring;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.bridgeway.directory.ServiceCandidate.Place;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.MatchingFacts;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonNeeds;
import org.bridgeway.supervision.Responsivity;
import org.bridgeway.supervision.ResponsivityFactor;
import org.bridgeway.supervision.ResponsivityLevel;

/**
 * The person as scoring sees them: facts, needs and responsivity reduced to what a rule or factor
 * reads. Unknown facts are null or empty and exclude nothing.
 *
 * @param home the center of the person's home ZIP code; null if unknown
 * @param needs severity per assessed need domain
 * @param focus the need domain asked for; null for the person's needs
 * @param transportationBarrier a transportation responsivity factor (some or significant)
 * @param disability a disability responsivity factor (some or significant)
 */
public record Seeker(
    Integer age,
    Gender gender,
    SupervisionType supervisionType,
    SupervisionLevel supervisionLevel,
    Set<OffenseCategory> offenses,
    String language,
    boolean interpreterNeeded,
    String homeZip,
    Place home,
    Map<NeedDomain, NeedSeverity> needs,
    NeedDomain focus,
    boolean transportationBarrier,
    boolean disability) {

  public Seeker {
    offenses = Set.copyOf(offenses);
    needs = Map.copyOf(needs);
  }

  /**
   * The person as the facade and any baseline must see them: facts and goals from supervision, the
   * latest assessment's needs and responsivity, the center of the home ZIP code.
   *
   * @param home null when the home ZIP code is unknown
   * @param focus null for the person's needs
   */
  public static Seeker of(MatchingFacts facts, PersonNeeds assessed, Place home, NeedDomain focus) {
    return new Seeker(
        facts.age(),
        facts.gender(),
        facts.supervisionType(),
        facts.supervisionLevel(),
        facts.offenses(),
        facts.language(),
        facts.interpreterNeeded(),
        facts.homeZip(),
        home,
        assessed.needs(),
        focus,
        barrier(assessed, ResponsivityFactor.TRANSPORTATION),
        barrier(assessed, ResponsivityFactor.DISABILITY));
  }

  /** Whether the person has the responsivity factor at some or a significant level. */
  private static boolean barrier(PersonNeeds assessed, ResponsivityFactor factor) {
    return assessed.responsivity().stream()
        .filter(r -> r.factor() == factor)
        .map(Responsivity::level)
        .anyMatch(level -> level != null && level != ResponsivityLevel.NONE);
  }

  /**
   * The need domains services are looked for in: the focus alone, else every assessed need above
   * none.
   */
  public Set<NeedDomain> relevantDomains() {
    if (focus != null) {
      return EnumSet.of(focus);
    }
    Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
    needs.forEach(
        (domain, severity) -> {
          if (severity.needsAttention()) {
            domains.add(domain);
          }
        });
    return domains;
  }

  /** The same person focused on one need domain. */
  public Seeker focusedOn(NeedDomain domain) {
    return new Seeker(
        age,
        gender,
        supervisionType,
        supervisionLevel,
        offenses,
        language,
        interpreterNeeded,
        homeZip,
        home,
        needs,
        domain,
        transportationBarrier,
        disability);
  }
}

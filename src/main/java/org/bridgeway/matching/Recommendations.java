package org.bridgeway.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.directory.ServiceCandidate;
import org.bridgeway.directory.ServiceCandidates;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.matching.scoring.MatchScoring;
import org.bridgeway.matching.scoring.Outcome;
import org.bridgeway.matching.scoring.Seeker;
import org.bridgeway.matching.weights.AgencyWeights;
import org.bridgeway.matching.weights.WeightsSettings;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.MatchingFacts;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonNeeds;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisionFacts;
import org.bridgeway.supervision.SupervisionNeeds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Services recommended for a person on supervision, and whether a person may use a service.
 *
 * <p>Every method is for a user (or API client) who sees the person under the caseload rule of ADR
 * 0009: for anyone else the person is {@link NotFoundException}, exactly as a missing one. Every
 * call reads the person's record and is audited (ids and codes only) in the caller's transaction.
 *
 * <p>Ranking (ADR 0016): the directory's active services that address the person's needs (or the
 * focus need) are checked against hard rules (eligibility for the person's facts, offense
 * exclusions, residency, a language the person needs an interpreter for, at most {@value
 * MatchScoring#MAX_TRAVEL_MILES} miles away) and the rest scored by the weighted mean of need fit,
 * distance, capacity, language and accessibility, cost and completion rate, with the agency's
 * weights. The referrals module uses {@link #eligibility} to block a referral the person is not
 * eligible for unless the officer records a justification, and {@link #nextBest} when a provider
 * declines.
 */
@Service
public class Recommendations {

  private final SupervisedPeople people;
  private final SupervisionFacts facts;
  private final SupervisionNeeds needs;
  private final ServiceCandidates services;
  private final WeightsSettings weights;
  private final AuditTrail audit;
  private final Clock clock;

  Recommendations(
      SupervisedPeople people,
      SupervisionFacts facts,
      SupervisionNeeds needs,
      ServiceCandidates services,
      WeightsSettings weights,
      AuditTrail audit,
      Clock clock) {
    this.people = people;
    this.facts = facts;
    this.needs = needs;
    this.services = services;
    this.weights = weights;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The services ranked for the person, best first, each with its score, the points of each factor
   * and the reasons for its place; with the excluded services and why, when asked.
   *
   * @throws NotFoundException if the viewer does not see the person (or there is no such person)
   * @throws MatchingInputRejected for a limit out of range, a goal that is not an active goal of
   *     the person's case plan, or a need and a goal of different domains (field named)
   */
  @Transactional
  public RecommendationList recommend(
      BridgewayPrincipal viewer, PersonId person, RecommendationRequest request) {
    reject(request.violations());
    MatchingFacts known = readPerson(viewer, person);
    NeedDomain focus = focusOf(known, request);
    Seeker seeker = seeker(known, needs.latestForSystem(person), focus);
    AgencyWeights agencyWeights = weights.of(viewer.organizationId());
    Instant now = clock.instant();

    Set<NeedDomain> domains = seeker.relevantDomains();
    List<ServiceCandidate> candidates = services.serving(domains);
    MatchScoring.Ranking ranking =
        MatchScoring.rank(seeker, candidates, agencyWeights.weights(), now, request.limit());

    List<Recommendation> recommendations = recommendations(ranking.best());
    List<ExcludedService> excluded = new ArrayList<>();
    if (request.explainExcluded()) {
      for (Outcome.Excluded e :
          ranking
              .excluded()
              .subList(
                  0, Math.min(RecommendationRequest.MAX_EXCLUDED, ranking.excluded().size()))) {
        excluded.add(
            new ExcludedService(
                e.service().id(), e.service().name(), e.service().organizationName(), e.reasons()));
      }
    }
    List<String> notes = new ArrayList<>();
    if (domains.isEmpty()) {
      notes.add("noNeeds");
    }
    if (seeker.home() == null) {
      notes.add("noHome");
    }
    if (agencyWeights.weights().completion() > 0) {
      notes.add("completionNoData");
    }
    audit.record(
        AuditEvent.success("matching.recommendations.read")
            .withRecord("person", person.value())
            .withPerson(person.value())
            .withDetail("need", focus == null ? "" : focus.name())
            .withDetail("goal", request.goal() == null ? "" : request.goal().toString())
            .withDetail("ranked", Integer.toString(recommendations.size())));
    return new RecommendationList(
        person,
        focus,
        domains,
        known.goals(),
        agencyWeights.weights(),
        agencyWeights.defaults(),
        recommendations,
        ranking.ranked() + ranking.excluded().size(),
        ranking.excluded().size(),
        excluded,
        notes);
  }

  /**
   * Whether the person meets the service's eligibility rules, naming every rule they fail.
   *
   * @throws NotFoundException if the viewer does not see the person, or the service is not an
   *     active service of the directory
   */
  @Transactional
  public EligibilityVerdict eligibility(
      BridgewayPrincipal viewer, PersonId person, ServiceId service) {
    MatchingFacts known = readPerson(viewer, person);
    ServiceCandidate candidate =
        services.find(service).orElseThrow(() -> new NotFoundException("service"));
    Seeker seeker =
        seeker(known, new PersonNeeds(person, null, null, null, Map.of(), List.of()), null);
    EligibilityVerdict verdict =
        new EligibilityVerdict(
            person, service, MatchScoring.eligibilityFailures(seeker, candidate));
    audit.record(
        AuditEvent.success("matching.eligibility.read")
            .withRecord("person", person.value())
            .withPerson(person.value())
            .withDetail("service", service.value().toString())
            .withDetail("eligible", Boolean.toString(verdict.eligible())));
    return verdict;
  }

  /**
   * The best services for one need of the person apart from those given (the ones already tried,
   * such as a provider that declined), best first.
   *
   * @throws NotFoundException if the viewer does not see the person
   * @throws MatchingInputRejected for a missing need or a limit out of range
   */
  @Transactional
  public List<Recommendation> nextBest(
      BridgewayPrincipal viewer,
      PersonId person,
      NeedDomain need,
      Set<ServiceId> excluding,
      int limit) {
    List<FieldViolation> violations = new ArrayList<>();
    if (need == null) {
      violations.add(new FieldViolation("need", "Required", "must name a need domain"));
    }
    violations.addAll(new RecommendationRequest(need, null, limit, false).violations());
    reject(violations);
    MatchingFacts known = readPerson(viewer, person);
    Seeker seeker = seeker(known, needs.latestForSystem(person), need);
    List<ServiceCandidate> candidates =
        services.serving(Set.of(need)).stream()
            .filter(candidate -> !excluding.contains(candidate.id()))
            .toList();
    MatchScoring.Ranking ranking =
        MatchScoring.rank(
            seeker,
            candidates,
            weights.of(viewer.organizationId()).weights(),
            clock.instant(),
            limit);
    audit.record(
        AuditEvent.success("matching.nextBest.read")
            .withRecord("person", person.value())
            .withPerson(person.value())
            .withDetail("need", need.name())
            .withDetail("excluding", Integer.toString(excluding.size())));
    return recommendations(ranking.best());
  }

  // The access check is made once here; the facts and needs are then read without supervision's
  // own checks and audit entries, and the call's single audit entry records the read of the person.
  private MatchingFacts readPerson(BridgewayPrincipal viewer, PersonId person) {
    if (!people.sees(viewer, person)) {
      throw new NotFoundException("person");
    }
    return facts.matchingFactsForSystem(person);
  }

  private static NeedDomain focusOf(MatchingFacts known, RecommendationRequest request) {
    if (request.goal() == null) {
      return request.need();
    }
    UUID goal = request.goal();
    NeedDomain domain =
        known.goals().stream()
            .filter(g -> g.id().equals(goal))
            .map(MatchingFacts.PlanGoal::domain)
            .findFirst()
            .orElseThrow(
                () ->
                    new MatchingInputRejected(
                        List.of(
                            new FieldViolation(
                                "goal",
                                "Unknown",
                                "must be an active goal of the person's plan"))));
    if (request.need() != null && request.need() != domain) {
      throw new MatchingInputRejected(
          List.of(new FieldViolation("need", "Conflict", "must be the need domain of the goal")));
    }
    return domain;
  }

  private Seeker seeker(MatchingFacts known, PersonNeeds assessed, NeedDomain focus) {
    return Seeker.of(known, assessed, services.centerOf(known.homeZip()).orElse(null), focus);
  }

  private static List<Recommendation> recommendations(List<Outcome.Scored> best) {
    List<Recommendation> result = new ArrayList<>(best.size());
    int rank = 1;
    for (Outcome.Scored s : best) {
      result.add(
          new Recommendation(
              s.service().id(),
              s.service().name(),
              s.service().organizationName(),
              rank++,
              s.score(),
              s.contributions(),
              s.need(),
              s.distanceMiles(),
              s.reasons()));
    }
    return result;
  }

  private static void reject(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new MatchingInputRejected(violations);
    }
  }
}

package org.bridgeway.matching.web;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.matching.EligibilityVerdict;
import org.bridgeway.matching.ExcludedService;
import org.bridgeway.matching.Factor;
import org.bridgeway.matching.MatchingWeights;
import org.bridgeway.matching.Reason;
import org.bridgeway.matching.Recommendation;
import org.bridgeway.matching.RecommendationList;
import org.bridgeway.matching.RecommendationRequest;
import org.bridgeway.matching.Recommendations;
import org.bridgeway.matching.weights.AgencyWeights;
import org.bridgeway.matching.weights.WeightsSettings;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.MatchingFacts.PlanGoal;
import org.bridgeway.supervision.PersonId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommendations and eligibility for a person, and the agency's matching weights, over the API.
 * Scores and points are rounded to one decimal; reasons are codes ({@link Reason}).
 */
@RestController
@Validated
class MatchingApiController {

  record RecommendationView(
      UUID serviceId,
      String serviceName,
      String organizationName,
      int rank,
      BigDecimal score,
      Map<Factor, BigDecimal> contributions,
      NeedDomain need,
      BigDecimal distanceMiles,
      List<Reason> reasons) {

    static RecommendationView of(Recommendation r) {
      Map<Factor, BigDecimal> points = new EnumMap<>(Factor.class);
      r.contributions().forEach((factor, value) -> points.put(factor, oneDecimal(value)));
      return new RecommendationView(
          r.service().value(),
          r.serviceName(),
          r.organizationName(),
          r.rank(),
          oneDecimal(r.score()),
          points,
          r.need(),
          r.distanceMiles() == null ? null : oneDecimal(r.distanceMiles()),
          r.reasons());
    }
  }

  record ExcludedView(
      UUID serviceId, String serviceName, String organizationName, List<Reason> reasons) {
    static ExcludedView of(ExcludedService e) {
      return new ExcludedView(
          e.service().value(), e.serviceName(), e.organizationName(), e.reasons());
    }
  }

  record GoalView(UUID id, NeedDomain domain, String description) {
    static GoalView of(PlanGoal goal) {
      return new GoalView(goal.id(), goal.domain(), goal.description());
    }
  }

  record RecommendationsView(
      UUID personId,
      NeedDomain focus,
      Set<NeedDomain> needs,
      List<GoalView> goals,
      Map<Factor, Integer> weights,
      boolean defaultWeights,
      List<RecommendationView> recommendations,
      int considered,
      int excludedCount,
      List<ExcludedView> excluded,
      List<String> notes) {}

  record VerdictView(UUID personId, UUID serviceId, boolean eligible, List<Reason> failedRules) {}

  record WeightsView(
      int needFit,
      int distance,
      int capacity,
      int languageAccess,
      int cost,
      int completion,
      long version,
      boolean defaults) {
    static WeightsView of(AgencyWeights weights) {
      MatchingWeights w = weights.weights();
      return new WeightsView(
          w.needFit(),
          w.distance(),
          w.capacity(),
          w.languageAccess(),
          w.cost(),
          w.completion(),
          weights.version(),
          weights.defaults());
    }
  }

  record WeightsRequest(
      @NotNull Integer needFit,
      @NotNull Integer distance,
      @NotNull Integer capacity,
      @NotNull Integer languageAccess,
      @NotNull Integer cost,
      @NotNull Integer completion,
      @NotNull Long version) {}

  private final Recommendations recommendations;
  private final WeightsSettings weights;

  MatchingApiController(Recommendations recommendations, WeightsSettings weights) {
    this.recommendations = recommendations;
    this.weights = weights;
  }

  @GetMapping("/api/v1/matching/people/{personId}/recommendations")
  @PreAuthorize(MatchingRoles.AGENCY_STAFF)
  RecommendationsView recommendations(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID personId,
      @RequestParam(required = false) NeedDomain need,
      @RequestParam(required = false) UUID goal,
      @RequestParam(defaultValue = "" + RecommendationRequest.DEFAULT_LIMIT) int limit,
      @RequestParam(defaultValue = "false") boolean explainExcluded) {
    RecommendationList list =
        recommendations.recommend(
            principal,
            new PersonId(personId),
            new RecommendationRequest(need, goal, limit, explainExcluded));
    return new RecommendationsView(
        personId,
        list.focus(),
        list.needs(),
        list.goals().stream().map(GoalView::of).toList(),
        list.weights().byFactor(),
        list.defaultWeights(),
        list.recommendations().stream().map(RecommendationView::of).toList(),
        list.considered(),
        list.excludedCount(),
        list.excluded().stream().map(ExcludedView::of).toList(),
        list.notes());
  }

  @GetMapping("/api/v1/matching/people/{personId}/eligibility")
  @PreAuthorize(MatchingRoles.AGENCY_STAFF)
  VerdictView eligibility(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID personId,
      @RequestParam UUID service) {
    EligibilityVerdict verdict =
        recommendations.eligibility(principal, new PersonId(personId), new ServiceId(service));
    return new VerdictView(personId, service, verdict.eligible(), verdict.failedRules());
  }

  @GetMapping("/api/v1/matching/weights")
  @PreAuthorize(MatchingRoles.WEIGHT_KEEPERS)
  WeightsView weights(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return WeightsView.of(weights.of(principal.organizationId()));
  }

  @PutMapping("/api/v1/matching/weights")
  @PreAuthorize(MatchingRoles.WEIGHT_KEEPERS)
  WeightsView changeWeights(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestBody @jakarta.validation.Valid WeightsRequest request) {
    AgencyWeights changed =
        weights.change(
            principal,
            new MatchingWeights(
                request.needFit(),
                request.distance(),
                request.capacity(),
                request.languageAccess(),
                request.cost(),
                request.completion()),
            request.version());
    return WeightsView.of(changed);
  }

  static BigDecimal oneDecimal(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }
}

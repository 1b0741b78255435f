package org.bridgeway.matching;

import java.util.List;
import java.util.Set;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.MatchingFacts.PlanGoal;
import org.bridgeway.supervision.PersonId;

/**
 * The services recommended for a person.
 *
 * @param focus the need domain asked for (directly or through a goal); null for the person's needs
 * @param needs the need domains services were looked for in
 * @param goals the person's active case-plan goals, which a request may focus on
 * @param weights the agency's weights used
 * @param defaultWeights whether those are the defaults (the agency set none)
 * @param recommendations best first
 * @param considered how many services address the needs (ranked and excluded alike)
 * @param excludedCount how many of them a rule excluded
 * @param excluded the excluded services, when asked for, at most {@link
 *     RecommendationRequest#MAX_EXCLUDED}, by name
 * @param notes what the whole list should be read with: {@code matching.note.<code>} ({@code
 *     completionNoData}, {@code noNeeds}, {@code noHome})
 */
public record RecommendationList(
    PersonId person,
    NeedDomain focus,
    Set<NeedDomain> needs,
    List<PlanGoal> goals,
    MatchingWeights weights,
    boolean defaultWeights,
    List<Recommendation> recommendations,
    int considered,
    int excludedCount,
    List<ExcludedService> excluded,
    List<String> notes) {

  public RecommendationList {
    needs = Set.copyOf(needs);
    goals = List.copyOf(goals);
    recommendations = List.copyOf(recommendations);
    excluded = List.copyOf(excluded);
    notes = List.copyOf(notes);
  }
}

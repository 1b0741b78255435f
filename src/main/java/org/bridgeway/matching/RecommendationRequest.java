package org.bridgeway.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.FieldViolation;

/**
 * What to recommend for.
 *
 * @param need a need domain to focus on; null for the person's needs, highest severity first
 * @param goal an active case-plan goal of the person to focus on (its need domain); null for none
 * @param limit how many services to rank, 1 to {@link #MAX_LIMIT}
 * @param explainExcluded whether to list the services excluded by a rule, with the rule
 */
public record RecommendationRequest(
    NeedDomain need, UUID goal, int limit, boolean explainExcluded) {

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 50;

  /** How many excluded services are listed at most (all are counted). */
  public static final int MAX_EXCLUDED = 25;

  /** The person's needs, ten services, no excluded list. */
  public static RecommendationRequest forNeeds() {
    return new RecommendationRequest(null, null, DEFAULT_LIMIT, false);
  }

  /** The rules the request breaks by itself, each naming its query parameter. */
  public List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    if (limit < 1 || limit > MAX_LIMIT) {
      violations.add(new FieldViolation("limit", "Range", "must be between 1 and " + MAX_LIMIT));
    }
    return violations;
  }
}

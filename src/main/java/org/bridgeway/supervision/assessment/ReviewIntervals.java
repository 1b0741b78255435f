package org.bridgeway.supervision.assessment;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.bridgeway.supervision.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long after an assessment a person is due for the next one, by the risk level it found: the
 * higher the risk, the sooner. Set with {@code bridgeway.supervision.assessment.review-months.HIGH}
 * and so on; by default 12 months for low, 9 for moderate, 6 for high and 3 for very high risk.
 */
@ConfigurationProperties("bridgeway.supervision.assessment")
public record ReviewIntervals(Map<RiskLevel, Integer> reviewMonths) {

  private static final Map<RiskLevel, Integer> DEFAULTS =
      Map.of(RiskLevel.LOW, 12, RiskLevel.MODERATE, 9, RiskLevel.HIGH, 6, RiskLevel.VERY_HIGH, 3);

  public ReviewIntervals {
    Map<RiskLevel, Integer> months = new EnumMap<>(DEFAULTS);
    if (reviewMonths != null) {
      reviewMonths.forEach(
          (level, value) -> {
            if (value == null || value < 1 || value > 60) {
              throw new IllegalArgumentException(
                  "bridgeway.supervision.assessment.review-months." + level + " must be 1 to 60");
            }
            months.put(level, value);
          });
    }
    reviewMonths = Map.copyOf(months);
  }

  /** The defaults. */
  public static ReviewIntervals standard() {
    return new ReviewIntervals(null);
  }

  /** When an assessment on the day with the risk level makes the next one due. */
  public LocalDate nextDue(LocalDate assessedOn, RiskLevel risk) {
    return assessedOn.plusMonths(reviewMonths.get(risk));
  }
}

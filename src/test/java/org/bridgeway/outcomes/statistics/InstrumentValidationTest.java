package org.bridgeway.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AUC and classification error rates. Independent figures: scipy 1.17.1's {@code mannwhitneyu}
 * statistic divided by {@code n_pos n_neg} for the AUC, and the Hanley-McNeil formula written out
 * in python3 (src/test/resources/org/bridgeway/outcomes/statistics/reference.py).
 */
class InstrumentValidationTest {

  @Test
  void aucCountsTiesAsOneHalf() {
    // Positives score 3, 2, 2; negatives 1, 2. Pairs: 3>1, 3>2, 2>1, 2=2 (1/2), 2>1, 2=2 (1/2):
    // 5 of 6. Hanley-McNeil: Q1 = (5/6)/(7/6) = 0.714286, Q2 = 2(25/36)/(11/6) = 0.757576,
    // SE^2 = (0.138889 + 2(0.019841) + 1(0.063131)) / 6 = 0.040284, SE = 0.200708.
    AucEstimate auc =
        AucEstimate.of(
            List.of(
                new ScoredOutcome(3, true),
                new ScoredOutcome(2, true),
                new ScoredOutcome(2, true),
                new ScoredOutcome(1, false),
                new ScoredOutcome(2, false)),
            0.95);
    assertThat(auc.auc()).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(auc.standardError()).isCloseTo(0.2007082218, within(1e-9));
    assertThat(auc.interval().low()).isCloseTo(0.4399524473, within(1e-9));
    assertThat(auc.interval().high()).isEqualTo(1.0);
    assertThat(auc.positives()).isEqualTo(3);
    assertThat(auc.negatives()).isEqualTo(2);
  }

  @Test
  void aucMatchesHanleyAndMcNeilsPublishedExample() {
    // Hanley and McNeil 1982, table 1: ratings 1-5 of 58 normal and 51 abnormal images;
    // published AUC 0.893, SE 0.032.
    List<ScoredOutcome> data = new ArrayList<>();
    addRatings(data, false, 33, 6, 6, 11, 2);
    addRatings(data, true, 3, 2, 2, 11, 33);
    AucEstimate auc = AucEstimate.of(data, 0.95);
    assertThat(auc.auc()).isCloseTo(0.8931710615, within(1e-9));
    assertThat(auc.standardError()).isCloseTo(0.0324865796, within(1e-9));
    assertThat(auc.interval().low()).isCloseTo(0.8294985355, within(1e-9));
    assertThat(auc.interval().high()).isCloseTo(0.9568435875, within(1e-9));
  }

  @Test
  void aucIsUndefinedWithoutBothOutcomesAndPerfectWhenSeparated() {
    AucEstimate none = AucEstimate.of(List.of(new ScoredOutcome(1, true)), 0.95);
    assertThat(none.auc()).isNaN();
    assertThat(none.interval().isDefined()).isFalse();
    assertThat(AucEstimate.of(List.of(), 0.95).auc()).isNaN();
    AucEstimate perfect =
        AucEstimate.of(
            List.of(
                new ScoredOutcome(5, true),
                new ScoredOutcome(4, true),
                new ScoredOutcome(1, false)),
            0.95);
    assertThat(perfect.auc()).isEqualTo(1.0);
    assertThat(perfect.standardError()).isZero();
    AucEstimate reversed =
        AucEstimate.of(List.of(new ScoredOutcome(1, true), new ScoredOutcome(4, false)), 0.95);
    assertThat(reversed.auc()).isZero();
    assertThatThrownBy(() -> new ScoredOutcome(Double.NaN, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score");
  }

  @Test
  void classificationRatesFromTheConfusionMatrix() {
    // 3 TP, 2 FP, 4 TN, 1 FN: FPR = 2/6, FNR = 1/4, PPV = 3/5, NPV = 4/5.
    List<Classified> data = new ArrayList<>();
    add(data, true, true, 3);
    add(data, true, false, 2);
    add(data, false, false, 4);
    add(data, false, true, 1);
    ClassificationRates rates = ClassificationRates.of(data);
    assertThat(rates).isEqualTo(new ClassificationRates(3, 2, 4, 1));
    assertThat(rates.falsePositiveRate()).isEqualTo(Proportion.of(2, 6));
    assertThat(rates.falseNegativeRate()).isEqualTo(Proportion.of(1, 4));
    assertThat(rates.positivePredictiveValue()).isEqualTo(Proportion.of(3, 5));
    assertThat(rates.negativePredictiveValue()).isEqualTo(Proportion.of(4, 5));
    assertThat(rates.truePositiveRate()).isEqualTo(Proportion.of(3, 4));
    assertThat(rates.trueNegativeRate()).isEqualTo(Proportion.of(4, 6));
    assertThat(rates.total()).isEqualTo(10);
    ClassificationRates empty = ClassificationRates.of(List.of());
    assertThat(empty.falsePositiveRate().rate()).isNaN();
  }

  private static void add(List<Classified> data, boolean predicted, boolean outcome, int times) {
    for (int i = 0; i < times; i++) {
      data.add(new Classified(predicted, outcome));
    }
  }

  private static void addRatings(List<ScoredOutcome> data, boolean outcome, int... countByRating) {
    for (int rating = 1; rating <= countByRating.length; rating++) {
      for (int i = 0; i < countByRating[rating - 1]; i++) {
        data.add(new ScoredOutcome(rating, outcome));
      }
    }
  }
}

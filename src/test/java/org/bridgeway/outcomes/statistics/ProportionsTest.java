package org.bridgeway.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Proportions, their differences and ratios. Published figures are from R. G. Newcombe, Statistics
 * in Medicine 1998 (Wilson: "Two-sided confidence intervals for the single proportion", table I;
 * differences: "Interval estimation for the difference between independent proportions", table II,
 * method 10). All figures were also recomputed from the formulas in python3 (reference.py in
 * src/test/resources/org/bridgeway/outcomes/statistics, scipy's norm.ppf for z) and Katz's ratio
 * cross-checked against scipy.stats.contingency.relative_risk.
 */
class ProportionsTest {

  private static final double TOLERANCE = 1e-9;

  @Test
  void rateIsSuccessesOverTrialsAndUndefinedWithoutTrials() {
    assertThat(Proportion.of(3, 12).rate()).isEqualTo(0.25);
    assertThat(Proportion.of(0, 0).rate()).isNaN();
    assertThat(Proportion.of(0, 0).wilson(0.95).isDefined()).isFalse();
  }

  @Test
  void wilsonIntervalForNoneHalfAndAllOfTen() {
    // z = 1.959964, z^2 = 3.841459. 0/10: centre = (0 + 0.192073) / 1.384146 = 0.138766,
    // half = 1.959964 / 1.384146 * sqrt(0 + 3.841459 / 400) = 0.138766: [0, 0.277533].
    assertInterval(Proportion.of(0, 10).wilson(0.95), 0.0, 0.2775327999);
    assertInterval(Proportion.of(5, 10).wilson(0.95), 0.2365930905, 0.7634069095);
    assertInterval(Proportion.of(10, 10).wilson(0.95), 0.7224672001, 1.0);
    assertThat(Proportion.of(0, 10).wilson(0.95).low()).isEqualTo(0.0);
    assertThat(Proportion.of(10, 10).wilson(0.95).high()).isEqualTo(1.0);
  }

  @Test
  void wilsonIntervalMatchesNewcombesPublishedExamples() {
    // Newcombe 1998, table I, method 3: 0.2553-0.3662, 0.0624-0.1605, 0-0.1611, 0.0061-0.1718.
    assertInterval(Proportion.of(81, 263).wilson(0.95), 0.2552885199, 0.3662095770);
    assertInterval(Proportion.of(15, 148).wilson(0.95), 0.0623863995, 0.1604872417);
    assertInterval(Proportion.of(0, 20).wilson(0.95), 0.0, 0.1611251581);
    assertInterval(Proportion.of(1, 29).wilson(0.95), 0.0061132143, 0.1717552188);
  }

  @Test
  void newcombeHybridScoreDifferenceMatchesThePublishedTable() {
    // Newcombe 1998, table II, method 10, examples (a) to (h).
    assertDifference(56, 70, 48, 80, 0.2, 0.0524314724, 0.3338726540);
    assertDifference(9, 10, 3, 10, 0.6, 0.1705227239, 0.8090179735);
    assertDifference(6, 7, 2, 7, 0.5714285714, 0.0582279275, 0.8062496375);
    assertDifference(5, 56, 0, 29, 0.0892857143, -0.0381371479, 0.1925600139);
    assertDifference(0, 10, 0, 20, 0, -0.1611251581, 0.2775327999);
    assertDifference(0, 10, 0, 10, 0, -0.2775327999, 0.2775327999);
    assertDifference(10, 10, 0, 20, 1, 0.6790860371, 1.0);
    assertDifference(10, 10, 0, 10, 1, 0.6075093504, 1.0);
  }

  @Test
  void differenceIsUndefinedWhenAGroupHasNoTrials() {
    ProportionDifference d =
        ProportionDifference.of(Proportion.of(0, 0), Proportion.of(1, 2), 0.95);
    assertThat(d.difference()).isNaN();
    assertThat(d.interval().isDefined()).isFalse();
  }

  @Test
  void katzRateRatio() {
    // 30/100 against 20/100: RR = 0.3 / 0.2 = 1.5; SE = sqrt(1/30 - 1/100 + 1/20 - 1/100) =
    // sqrt(0.063333) = 0.251661; 1.5 * exp(-+1.959964 * 0.251661) = 0.91596 to 2.45644.
    assertRatio(
        RateRatio.of(Proportion.of(30, 100), Proportion.of(20, 100), 0.95),
        1.5,
        0.9159608293,
        2.4564369217);
    assertRatio(
        RateRatio.of(Proportion.of(12, 40), Proportion.of(45, 300), 0.95),
        2.0,
        1.1600870091,
        3.4480172337);
    // No failures in the group is fine for Katz: 1/7 - 1/7 = 0.
    assertRatio(
        RateRatio.of(Proportion.of(7, 7), Proportion.of(3, 10), 0.95),
        3.3333333333,
        1.2933299565,
        8.5910877229);
  }

  @Test
  void aZeroCellGetsTheHaldaneAnscombeCorrection() {
    // 0/50 against 10/60 becomes 0.5/51 against 10.5/61: RR = 0.0098039 / 0.1721311 = 0.0569561;
    // SE = sqrt(1/0.5 - 1/51 + 1/10.5 - 1/61) = 1.43610.
    assertRatio(
        RateRatio.of(Proportion.of(0, 50), Proportion.of(10, 60), 0.95),
        0.0569561158,
        0.0034202878,
        0.9484579501);
    RateRatio noEvents = RateRatio.of(Proportion.of(0, 50), Proportion.of(0, 60), 0.95);
    assertThat(noEvents.ratio()).isNaN();
    assertThat(noEvents.interval().isDefined()).isFalse();
    assertThat(RateRatio.of(Proportion.of(0, 0), Proportion.of(3, 60), 0.95).ratio()).isNaN();
  }

  @Test
  void invalidCountsAndConfidenceAreRejected() {
    assertThatThrownBy(() -> Proportion.of(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> Proportion.of(11, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceed");
    assertThatThrownBy(() -> Proportion.of(1, 10).wilson(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence");
    assertThatThrownBy(() -> Proportion.of(1, 10).wilson(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Proportion.of(1, 10).wilson(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Interval(2, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertDifference(
      long a, long n1, long b, long n2, double difference, double low, double high) {
    ProportionDifference d =
        ProportionDifference.of(Proportion.of(a, n1), Proportion.of(b, n2), 0.95);
    assertThat(d.difference()).isCloseTo(difference, within(1e-9));
    assertInterval(d.interval(), low, high);
  }

  private static void assertRatio(RateRatio ratio, double expected, double low, double high) {
    assertThat(ratio.ratio()).isCloseTo(expected, within(1e-9));
    assertInterval(ratio.interval(), low, high);
  }

  private static void assertInterval(Interval interval, double low, double high) {
    assertThat(interval.low()).isCloseTo(low, within(TOLERANCE));
    assertThat(interval.high()).isCloseTo(high, within(TOLERANCE));
  }
}

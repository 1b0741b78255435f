package org.bridgeway.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values from scipy 1.17.1 ({@code scipy.stats.norm.ppf}, {@code norm.cdf}, {@code
 * chi2.sf}), printed with 15-17 significant digits by
 * src/test/resources/org/bridgeway/outcomes/statistics/reference.py.
 */
class DistributionsTest {

  @Test
  void normalQuantileMatchesScipyToNineDigitsEverywhere() {
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
    assertThat(Normal.quantile(1e-10)).isCloseTo(-6.36134090240406, within(1e-9));
    assertThat(Normal.quantile(0.001)).isCloseTo(-3.09023230616781, within(1e-9));
    // 0.02425 is where Acklam's central and tail formulas meet.
    assertThat(Normal.quantile(0.02425)).isCloseTo(-1.97296105131188, within(1e-9));
    assertThat(Normal.quantile(0.3)).isCloseTo(-0.524400512708041, within(1e-12));
    assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-15));
    assertThat(Normal.quantile(0.9)).isCloseTo(1.2815515655446, within(1e-12));
    assertThat(Normal.quantile(0.999999)).isCloseTo(4.75342430881709, within(1e-9));
    assertThat(Normal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Normal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void normalDistributionFunctionMatchesScipyIncludingTheFarTail() {
    assertThat(Normal.cdf(-8)).isCloseTo(6.2209605742717405e-16, within(1e-25));
    assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316300933, within(1e-15));
    assertThat(Normal.cdf(-1.5)).isCloseTo(0.066807201268858071, within(1e-15));
    assertThat(Normal.cdf(0)).isEqualTo(0.5);
    assertThat(Normal.cdf(0.5)).isCloseTo(0.69146246127401312, within(1e-15));
    assertThat(Normal.cdf(2)).isCloseTo(0.97724986805182079, within(1e-15));
    assertThat(Normal.cdf(6)).isCloseTo(0.9999999990134123, within(1e-15));
  }

  @Test
  void quantileInvertsTheDistributionFunction() {
    for (double p = 0.0005; p < 1; p += 0.0137) {
      assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-14));
    }
  }

  @Test
  void chiSquareUpperTailMatchesScipy() {
    assertThat(ChiSquare.upperTail(3.841458820694124, 1)).isCloseTo(0.05, within(1e-13));
    assertThat(ChiSquare.upperTail(10, 3)).isCloseTo(0.018566135463043251, within(1e-14));
    assertThat(ChiSquare.upperTail(0.5, 2)).isCloseTo(0.77880078307140488, within(1e-14));
    assertThat(ChiSquare.upperTail(50, 10)).isCloseTo(2.6690834249044951e-07, within(1e-18));
    assertThat(ChiSquare.upperTail(1, 5)).isCloseTo(0.96256577324729642, within(1e-14));
    assertThat(ChiSquare.upperTail(100, 1)).isCloseTo(1.5239706048320995e-23, within(1e-32));
    assertThat(ChiSquare.upperTail(0, 4)).isEqualTo(1);
  }

  @Test
  void invalidArgumentsAreRejectedWithAClearMessage() {
    assertThatThrownBy(() -> Normal.quantile(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> ChiSquare.upperTail(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("degrees of freedom");
  }
}

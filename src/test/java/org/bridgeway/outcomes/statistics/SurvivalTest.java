package org.bridgeway.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kaplan-Meier and the log-rank test on the classic remission data of Freireich et al. (Blood 1963,
 * as analysed by Gehan 1965 and in Kleinbaum and Klein, Survival Analysis, chapter 2): published
 * S(t) 0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448 and log-rank chi-square 16.79. The figures
 * to ten digits were computed independently with scipy 1.17.1 ({@code scipy.stats.ecdf} with {@code
 * confidence_interval(method="log-log")}, {@code scipy.stats.logrank}) and Greenwood's sum written
 * out in python3 (src/test/resources/org/bridgeway/outcomes/statistics/reference.py).
 */
class SurvivalTest {

  /** 6-MP group: weeks in remission; false = censored (still in remission). */
  static final List<SurvivalObservation> SIX_MP =
      observations(
          new double[] {
            6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35
          },
          new boolean[] {
            true, true, true, false, true, false, true, false, false, true, true, false, false,
            false, true, true, false, false, false, false, false
          });

  /** Placebo group: every relapse observed. */
  static final List<SurvivalObservation> PLACEBO =
      observations(
          new double[] {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23},
          null);

  @Test
  void kaplanMeierOfTheSixMpGroupMatchesTheTextbookAndScipy() {
    SurvivalCurve curve = KaplanMeier.estimate(SIX_MP, 0.95);
    // By hand: S(6) = 18/21 = 0.857143; S(7) = 0.857143 * 16/17 = 0.806723;
    // S(10) = 0.806723 * 14/15 = 0.752941; S(13) = * 11/12 = 0.690196; S(16) = * 10/11 = 0.627451;
    // S(22) = * 6/7 = 0.537815; S(23) = * 5/6 = 0.448179.
    // Greenwood at 6: 0.857143 * sqrt(3 / (21 * 18)) = 0.857143 * 0.089087 = 0.076360.
    assertStep(
        curve.steps().get(0), 6, 21, 3, 1, 0.8571428571, 0.0763603548, 0.6197179553, 0.9515517476);
    assertStep(
        curve.steps().get(1), 7, 17, 1, 0, 0.8067226891, 0.0869352852, 0.5631465646, 0.9228090192);
    assertStep(
        curve.steps().get(2), 9, 16, 0, 1, 0.8067226891, 0.0869352852, 0.5631465646, 0.9228090192);
    assertStep(
        curve.steps().get(3), 10, 15, 1, 1, 0.7529411765, 0.0963496530, 0.5031995108, 0.8893618352);
    assertStep(
        curve.steps().get(5), 13, 12, 1, 0, 0.6901960784, 0.1068147078, 0.4316102225, 0.8490659633);
    assertStep(
        curve.steps().get(6), 16, 11, 1, 0, 0.6274509804, 0.1140538653, 0.3675108560, 0.8049121895);
    assertStep(
        curve.steps().get(10), 22, 7, 1, 0, 0.5378151261, 0.1282337517, 0.2677789368, 0.7467907176);
    assertStep(
        curve.steps().get(11), 23, 6, 1, 0, 0.4481792717, 0.1345914568, 0.1880520060, 0.6801426285);
    assertThat(curve.steps()).hasSize(16);
    assertThat(curve.steps().getLast().atRisk()).isEqualTo(1);
    // Median: S first falls to 0.5 or below at 23 weeks.
    assertThat(curve.medianTime()).hasValue(23);
    assertThat(curve.survivalAt(5.9)).isEqualTo(1);
    assertThat(curve.survivalAt(12)).isCloseTo(0.7529411765, within(1e-9));
    assertThat(curve.survivalAt(1000)).isCloseTo(0.4481792717, within(1e-9));
  }

  @Test
  void allEventsFallToZeroWithAPointInterval() {
    SurvivalCurve curve = KaplanMeier.estimate(PLACEBO, 0.95);
    SurvivalStep last = curve.steps().getLast();
    assertThat(last.time()).isEqualTo(23);
    assertThat(last.survival()).isZero();
    assertThat(last.standardError()).isZero();
    assertThat(last.interval()).isEqualTo(new Interval(0, 0));
    // S(8) = 21 -> 2 at 1, 2, 3... by hand: (19/21)(17/19)(16/17)(14/16)(12/14)(8/12) = 8/21.
    assertThat(curve.survivalAt(8)).isCloseTo(8.0 / 21, within(1e-12));
    // Median: S(8) = 0.381 is the first value <= 0.5 (S(5) = 12/21 = 0.571).
    assertThat(curve.medianTime()).hasValue(8);
  }

  @Test
  void allCensoredStaysAtOneWithNoMedian() {
    SurvivalCurve curve =
        KaplanMeier.estimate(
            List.of(SurvivalObservation.censored(3), SurvivalObservation.censored(5)), 0.95);
    assertThat(curve.steps()).extracting(SurvivalStep::survival).containsExactly(1.0, 1.0);
    assertThat(curve.steps().getFirst().interval()).isEqualTo(new Interval(1, 1));
    assertThat(curve.medianTime()).isEmpty();
  }

  @Test
  void emptyDataGivesAnEmptyCurve() {
    SurvivalCurve curve = KaplanMeier.estimate(List.of(), 0.95);
    assertThat(curve.steps()).isEmpty();
    assertThat(curve.survivalAt(10)).isEqualTo(1);
    assertThat(curve.medianTime()).isEmpty();
  }

  @Test
  void orderOfObservationsDoesNotMatter() {
    List<SurvivalObservation> reversed = new ArrayList<>(SIX_MP);
    java.util.Collections.reverse(reversed);
    assertThat(KaplanMeier.estimate(reversed, 0.95)).isEqualTo(KaplanMeier.estimate(SIX_MP, 0.95));
  }

  @Test
  void fiftyThousandPeopleTakeWellUnderASecond() {
    java.util.Random random = new java.util.Random(8);
    List<SurvivalObservation> many = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      many.add(new SurvivalObservation(random.nextInt(1095), random.nextDouble() < 0.4));
    }
    long start = System.nanoTime();
    SurvivalCurve curve = KaplanMeier.estimate(many, 0.95);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(curve.steps()).hasSize(1095);
    // Generous: the machine is shared; the point is that it is not quadratic.
    assertThat(millis).isLessThan(2_000);
  }

  @Test
  void logRankOfSixMpAgainstPlaceboMatchesTheTextbook() {
    // Published chi-square 16.79 on 1 df (Kleinbaum and Klein; R survdiff 16.8, p = 4.17e-5);
    // scipy.stats.logrank: statistic -4.097919104767264, squared 16.792940989216536,
    // p 4.168809109334529e-05.
    LogRankTest test = LogRank.compare(List.of(SIX_MP, PLACEBO));
    assertThat(test.chiSquare()).isCloseTo(16.792940989216536, within(1e-9));
    assertThat(test.degreesOfFreedom()).isEqualTo(1);
    assertThat(test.pValue()).isCloseTo(4.168809109334529e-05, within(1e-12));
  }

  @Test
  void logRankOfGroupsThatCannotDiffer() {
    LogRankTest identical = LogRank.compare(List.of(SIX_MP, SIX_MP));
    assertThat(identical.chiSquare()).isCloseTo(0, within(1e-12));
    assertThat(identical.pValue()).isCloseTo(1, within(1e-12));
    LogRankTest noEvents =
        LogRank.compare(
            List.of(
                List.of(SurvivalObservation.censored(4)),
                List.of(SurvivalObservation.censored(5))));
    assertThat(noEvents).isEqualTo(new LogRankTest(0, 0, 1));
    // An empty group adds no degree of freedom.
    LogRankTest withEmpty = LogRank.compare(List.of(SIX_MP, List.of(), PLACEBO));
    assertThat(withEmpty.degreesOfFreedom()).isEqualTo(1);
    assertThat(withEmpty.chiSquare()).isCloseTo(16.792940989216536, within(1e-9));
    assertThatThrownBy(() -> LogRank.compare(List.of(SIX_MP)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two groups");
  }

  @Test
  void logRankOfThreeGroupsMatchesAnIndependentMatrixComputation() {
    // A third group, written out by hand; numpy built O - E and the full covariance matrix and
    // solved on the first two groups: chi-square 19.317750398891 on 2 df, p 6.38563071616595e-05
    // (scipy chi2.sf).
    List<SurvivalObservation> third =
        observations(
            new double[] {3, 5, 7, 9, 12, 15, 18, 20, 25, 30},
            new boolean[] {true, true, false, true, true, false, true, true, false, true});
    LogRankTest test = LogRank.compare(List.of(SIX_MP, PLACEBO, third));
    assertThat(test.chiSquare()).isCloseTo(19.317750398891, within(1e-9));
    assertThat(test.degreesOfFreedom()).isEqualTo(2);
    assertThat(test.pValue()).isCloseTo(6.38563071616595e-05, within(1e-12));
  }

  @Test
  void invalidTimesAreRejected() {
    assertThatThrownBy(() -> SurvivalObservation.event(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> SurvivalObservation.event(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KaplanMeier.estimate(SIX_MP, 1.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence");
  }

  private static void assertStep(
      SurvivalStep step,
      double time,
      long atRisk,
      long events,
      long censored,
      double survival,
      double standardError,
      double low,
      double high) {
    assertThat(step.time()).isEqualTo(time);
    assertThat(step.atRisk()).isEqualTo(atRisk);
    assertThat(step.events()).isEqualTo(events);
    assertThat(step.censored()).isEqualTo(censored);
    assertThat(step.survival()).isCloseTo(survival, within(1e-9));
    assertThat(step.standardError()).isCloseTo(standardError, within(1e-9));
    assertThat(step.interval().low()).isCloseTo(low, within(1e-9));
    assertThat(step.interval().high()).isCloseTo(high, within(1e-9));
  }

  static List<SurvivalObservation> observations(double[] times, boolean[] events) {
    List<SurvivalObservation> list = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      list.add(new SurvivalObservation(times[i], events == null || events[i]));
    }
    return List.copyOf(list);
  }
}

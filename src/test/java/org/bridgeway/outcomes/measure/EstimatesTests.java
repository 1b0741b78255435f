package org.bridgeway.outcomes.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bridgeway.outcomes.measure.Estimates.Rate;
import org.bridgeway.outcomes.measure.Estimates.Step;
import org.bridgeway.outcomes.statistics.Interval;
import org.bridgeway.outcomes.statistics.KaplanMeier;
import org.bridgeway.outcomes.statistics.LogRank;
import org.bridgeway.outcomes.statistics.LogRankTest;
import org.bridgeway.outcomes.statistics.Proportion;
import org.bridgeway.outcomes.statistics.SurvivalCurve;
import org.bridgeway.outcomes.statistics.SurvivalObservation;
import org.bridgeway.outcomes.statistics.SurvivalStep;
import org.junit.jupiter.api.Test;

/**
 * The dashboards' estimates agree with the shared statistics package (written separately, tested
 * against published and scipy figures) on random data, and with a textbook case.
 */
class EstimatesTests {

  @Test
  void wilsonAgreesWithTheStatisticsPackageAndATextbookCase() {
    // Newcombe (1998), example: 81/263 -> 0.2553 to 0.3662 (Wilson, 95%)
    Rate textbook = Estimates.wilson(81, 263);
    assertThat(textbook.low()).isCloseTo(0.2553, within(5e-5));
    assertThat(textbook.high()).isCloseTo(0.3662, within(5e-5));
    Random random = new Random(8);
    for (int i = 0; i < 200; i++) {
      long n = 1 + random.nextInt(500);
      long k = random.nextLong(n + 1);
      Rate mine = Estimates.wilson(k, n);
      Interval theirs = Proportion.of(k, n).wilson(0.95);
      assertThat(mine.low()).isCloseTo(theirs.low(), within(1e-9));
      assertThat(mine.high()).isCloseTo(theirs.high(), within(1e-9));
    }
    assertThat(Estimates.wilson(0, 0).value()).isNull();
  }

  @Test
  void kaplanMeierAndLogRankAgreeWithTheStatisticsPackage() {
    Random random = new Random(27);
    List<int[]> groupDays = new ArrayList<>();
    List<boolean[]> groupEvents = new ArrayList<>();
    List<List<SurvivalObservation>> groups = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      int n = 150 + 40 * g;
      int[] days = new int[n];
      boolean[] events = new boolean[n];
      List<SurvivalObservation> observations = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        days[i] = random.nextInt(1000 + 300 * g);
        events[i] = random.nextInt(3) > 0;
        observations.add(
            events[i] ? SurvivalObservation.event(days[i]) : SurvivalObservation.censored(days[i]));
      }
      groupDays.add(days);
      groupEvents.add(events);
      groups.add(observations);
      List<Step> mine = Estimates.kaplanMeier(days, events);
      SurvivalCurve theirs = KaplanMeier.estimate(observations, 0.95);
      List<SurvivalStep> theirEvents = theirs.steps().stream().filter(s -> s.events() > 0).toList();
      assertThat(mine).hasSize(theirEvents.size());
      for (int i = 0; i < mine.size(); i++) {
        assertThat((double) mine.get(i).day()).isEqualTo(theirEvents.get(i).time());
        assertThat(mine.get(i).survival()).isCloseTo(theirEvents.get(i).survival(), within(1e-12));
        if (theirEvents.get(i).interval().isDefined()) {
          assertThat(mine.get(i).low())
              .isCloseTo(theirEvents.get(i).interval().low(), within(1e-9));
          assertThat(mine.get(i).high())
              .isCloseTo(theirEvents.get(i).interval().high(), within(1e-9));
        }
      }
    }
    Estimates.LogRank mine = Estimates.logRank(groupDays, groupEvents);
    LogRankTest theirs = LogRank.compare(groups);
    assertThat(mine.chiSquare()).isCloseTo(theirs.chiSquare(), within(1e-9));
    assertThat(mine.degreesOfFreedom()).isEqualTo(theirs.degreesOfFreedom());
    assertThat(mine.p()).isCloseTo(theirs.pValue(), within(1e-9));
  }
}

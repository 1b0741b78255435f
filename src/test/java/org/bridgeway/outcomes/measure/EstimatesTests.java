package org.bridgeway.outcomes.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bridgeway.outcomes.measure.Estimates.Rate;
import org.bridgeway.outcomes.measure.Estimates.Step;
import org.junit.jupiter.api.Test;

/**
 * The dashboards' shapes of the statistics library's estimates (the library itself is tested
 * against published and scipy figures in {@code outcomes.statistics}): textbook and hand-worked
 * cases, and the edges the pages meet.
 */
class EstimatesTests {

  @Test
  void wilsonGivesTheTextbookIntervalAndNothingForNoOne() {
    // Newcombe (1998), example: 81/263 -> 0.2553 to 0.3662 (Wilson, 95%)
    Rate textbook = Estimates.wilson(81, 263);
    assertThat(textbook.value()).isCloseTo(81.0 / 263, within(1e-12));
    assertThat(textbook.low()).isCloseTo(0.2553, within(5e-5));
    assertThat(textbook.high()).isCloseTo(0.3662, within(5e-5));
    Rate none = Estimates.wilson(0, 0);
    assertThat(none.value()).isNull();
    assertThat(none.low()).isNull();
  }

  @Test
  void kaplanMeierStepsOnlyOnEventDaysWithTheHandWorkedSurvival() {
    // Days 1, 2, 2 (censored), 3, 4 (censored); events on 1, 2, 3.
    // Day 1: 5 at risk, 1 event: S = 4/5 = 0.8. Day 2: 4 at risk, 1 event (the censoring that day
    // counts after): S = 0.8 * 3/4 = 0.6. Day 3: 2 at risk, 1 event: S = 0.6 * 1/2 = 0.3.
    // Day 4 has only a censoring: no step.
    List<Step> steps =
        Estimates.kaplanMeier(
            new int[] {1, 2, 2, 3, 4}, new boolean[] {true, true, false, true, false});
    assertThat(steps).extracting(Step::day).containsExactly(1, 2, 3);
    assertThat(steps).extracting(Step::atRisk).containsExactly(5, 4, 2);
    assertThat(steps.get(0).survival()).isCloseTo(0.8, within(1e-12));
    assertThat(steps.get(1).survival()).isCloseTo(0.6, within(1e-12));
    assertThat(steps.get(2).survival()).isCloseTo(0.3, within(1e-12));
    for (Step step : steps) {
      assertThat(step.low()).isBetween(0.0, step.survival());
      assertThat(step.high()).isBetween(step.survival(), 1.0);
    }
    // Everyone has the event on one day: survival 0, where no interval is defined.
    Step last = Estimates.kaplanMeier(new int[] {7, 7}, new boolean[] {true, true}).getFirst();
    assertThat(last.survival()).isZero();
    assertThat(last.low()).isZero();
    assertThat(last.high()).isZero();
  }

  @Test
  void logRankNeedsTwoGroupsWithPeopleAndFindsNoDifferenceBetweenTheSame() {
    int[] days = {3, 5, 8, 13, 21};
    boolean[] events = {true, false, true, true, false};
    assertThat(Estimates.logRank(List.of(days, new int[0]), List.of(events, new boolean[0])))
        .isNull();
    Estimates.LogRank same = Estimates.logRank(List.of(days, days), List.of(events, events));
    assertThat(same.chiSquare()).isCloseTo(0, within(1e-12));
    assertThat(same.degreesOfFreedom()).isEqualTo(1);
    assertThat(same.p()).isCloseTo(1, within(1e-9));
  }
}

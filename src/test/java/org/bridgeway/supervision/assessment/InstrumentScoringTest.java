package org.bridgeway.supervision.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.AssessmentId;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.testing.SupervisionFixtures;
import org.junit.jupiter.api.Test;

class InstrumentScoringTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-12-01");
  static final OrganizationId AGENCY = new OrganizationId(java.util.UUID.randomUUID());

  final InstrumentDefinition definition = SupervisionFixtures.smallInstrument();

  @Test
  void pointsAddUpPerDomainAndThresholdsGiveSeverityAndRisk() {
    List<FieldViolation> violations = new ArrayList<>();
    InstrumentDefinition.Scored scored =
        definition.score(Map.of("h1", 1, "h2", 0, "e1", 2), violations);
    assertThat(violations).isEmpty();
    assertThat(scored.domains().get(NeedDomain.HOUSING))
        .isEqualTo(new DomainResult(NeedSeverity.MODERATE, 2));
    assertThat(scored.domains().get(NeedDomain.EDUCATION_EMPLOYMENT))
        .isEqualTo(new DomainResult(NeedSeverity.HIGH, 2));
    assertThat(scored.total()).isEqualTo(4);
    assertThat(scored.riskLevel()).isEqualTo(RiskLevel.HIGH);

    InstrumentDefinition.Scored none =
        definition.score(Map.of("h1", 0, "h2", 0, "e1", 0), violations);
    assertThat(none.riskLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(none.domains().values())
        .extracting(DomainResult::severity)
        .containsOnly(NeedSeverity.NONE);
    InstrumentDefinition.Scored all =
        definition.score(Map.of("h1", 1, "h2", 1, "e1", 2), violations);
    assertThat(all.riskLevel()).isEqualTo(RiskLevel.VERY_HIGH);
    assertThat(all.domains().get(NeedDomain.HOUSING).severity()).isEqualTo(NeedSeverity.HIGH);
  }

  @Test
  void unansweredUnknownAndOutOfRangeAnswersAreNamedAndNothingIsScored() {
    List<FieldViolation> violations = new ArrayList<>();
    InstrumentDefinition.Scored scored =
        definition.score(Map.of("h1", 2, "e1", 0, "zz", 1), violations);
    assertThat(scored).isNull();
    assertThat(violations)
        .extracting(FieldViolation::field, FieldViolation::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("answers.h1", "UnknownOption"),
            org.assertj.core.groups.Tuple.tuple("answers.h2", "NotNull"),
            org.assertj.core.groups.Tuple.tuple("answers.zz", "UnknownItem"));
  }

  @Test
  void aDefinitionWithUnreachableOrDisorderedThresholdsOrRepeatedKeysIsRejected() {
    InstrumentDefinition bad =
        new InstrumentDefinition(
            List.of(
                new InstrumentDefinition.Section(
                    NeedDomain.HOUSING,
                    List.of(
                        new InstrumentDefinition.Item(
                            "h1",
                            "One?",
                            List.of(
                                new InstrumentDefinition.Option("No", 0),
                                new InstrumentDefinition.Option("Yes", 2))),
                        new InstrumentDefinition.Item(
                            "h1", "Again?", List.of(new InstrumentDefinition.Option("Only", 0)))),
                    3,
                    9),
                new InstrumentDefinition.Section(NeedDomain.HOUSING, List.of(), 1, 2)),
            new InstrumentDefinition.RiskThresholds(3, 2, 50));
    assertThat(bad.violations())
        .extracting(FieldViolation::field)
        .contains(
            "definition.sections[0].items[1].key",
            "definition.sections[0].items[1].options",
            "definition.sections[0].highFrom",
            "definition.sections[1].domain",
            "definition.sections[1].items",
            "definition.risk");
    assertThat(definition.violations()).isEmpty();
    assertThatThrownBy(() -> Instrument.define(InstrumentId.random(), AGENCY, "Bad", bad, "t", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void revisingAnInstrumentInUseMakesANewVersionAndRetiresTheOld() {
    Instrument first =
        Instrument.define(InstrumentId.random(), AGENCY, "Screening", definition, "t", NOW);
    Instrument same =
        first.revise("Screening 2", definition, false, InstrumentId.random(), "t", NOW);
    assertThat(same).isSameAs(first);
    assertThat(first.name()).isEqualTo("Screening 2");
    assertThat(first.number()).isEqualTo(1);

    Instrument next =
        first.revise("Screening 3", definition, true, InstrumentId.random(), "t", NOW);
    assertThat(next).isNotSameAs(first);
    assertThat(next.number()).isEqualTo(2);
    assertThat(next.seriesId()).isEqualTo(first.seriesId());
    assertThat(next.current()).isTrue();
    assertThat(first.current()).isFalse();
    assertThat(first.name()).as("the used version keeps its wording").isEqualTo("Screening 2");
    assertThatThrownBy(
            () -> first.revise("Again", definition, false, InstrumentId.random(), "t", NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anAssessmentCannotBeInTheFutureNorUseARetiredVersion() {
    Instrument instrument =
        Instrument.define(InstrumentId.random(), AGENCY, "Screening", definition, "t", NOW);
    Map<String, Integer> answers = Map.of("h1", 0, "h2", 0, "e1", 0);
    InstrumentDefinition.Scored scored = instrument.score(answers, new ArrayList<>());
    assertThatThrownBy(() -> completed(instrument, answers, scored, TODAY.plusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    instrument.revise("Screening", definition, true, InstrumentId.random(), "t", NOW);
    assertThatThrownBy(() -> completed(instrument, answers, scored, TODAY))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nextDueDependsOnRiskAndOverdueStartsTheDayAfter() {
    Instrument instrument =
        Instrument.define(InstrumentId.random(), AGENCY, "Screening", definition, "t", NOW);
    Map<String, Integer> high = Map.of("h1", 1, "h2", 0, "e1", 2);
    Assessment assessment =
        completed(
            instrument, high, instrument.score(high, new ArrayList<>()), TODAY.minusMonths(6));
    assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(assessment.nextDueOn()).isEqualTo(TODAY);
    assertThat(assessment.overdueOn(TODAY)).isFalse();
    assertThat(assessment.overdueOn(TODAY.plusDays(1))).isTrue();
    Map<String, Integer> low = Map.of("h1", 0, "h2", 0, "e1", 0);
    Assessment lowRisk =
        completed(instrument, low, instrument.score(low, new ArrayList<>()), TODAY.minusMonths(6));
    assertThat(lowRisk.nextDueOn()).isEqualTo(TODAY.plusMonths(6));
  }

  @Test
  void changesCompareSeverityPerDomain() {
    Instrument instrument =
        Instrument.define(InstrumentId.random(), AGENCY, "Screening", definition, "t", NOW);
    Map<String, Integer> before = Map.of("h1", 1, "h2", 1, "e1", 0);
    Map<String, Integer> after = Map.of("h1", 0, "h2", 0, "e1", 1);
    Assessment earlier =
        completed(
            instrument, before, instrument.score(before, new ArrayList<>()), TODAY.minusMonths(6));
    Assessment later =
        completed(instrument, after, instrument.score(after, new ArrayList<>()), TODAY);
    Assessment external =
        Assessment.imported(
            AssessmentId.random(),
            earlier.personId(),
            AGENCY,
            "Other",
            TODAY,
            RiskLevel.LOW,
            Map.of(NeedDomain.FOOD, new DomainResult(NeedSeverity.HIGH, null)),
            TODAY,
            ReviewIntervals.standard(),
            "t",
            NOW);
    assertThat(later.changesSince(earlier))
        .extracting(DomainChange::domain, DomainChange::trend)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                NeedDomain.EDUCATION_EMPLOYMENT, DomainChange.Trend.WORSENED),
            org.assertj.core.groups.Tuple.tuple(NeedDomain.HOUSING, DomainChange.Trend.IMPROVED));
    assertThat(later.changesSince(later))
        .extracting(DomainChange::trend)
        .containsOnly(DomainChange.Trend.UNCHANGED);
    assertThat(external.changesSince(later))
        .extracting(DomainChange::trend)
        .containsOnly(DomainChange.Trend.NOT_COMPARABLE);
  }

  private static final PersonId PERSON = PersonId.random();

  private static Assessment completed(
      Instrument instrument,
      Map<String, Integer> answers,
      InstrumentDefinition.Scored scored,
      LocalDate on) {
    return Assessment.completed(
        AssessmentId.random(),
        PERSON,
        AGENCY,
        instrument,
        answers,
        scored,
        on,
        TODAY,
        ReviewIntervals.standard(),
        "t",
        NOW);
  }
}

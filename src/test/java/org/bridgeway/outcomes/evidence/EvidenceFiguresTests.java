package org.bridgeway.outcomes.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.outcomes.equity.EquityReport;
import org.bridgeway.outcomes.evidence.InstrumentValidation.ErrorRow;
import org.bridgeway.outcomes.evidence.InstrumentValidation.Grouping;
import org.bridgeway.outcomes.evidence.ProgramEffectiveness.BalanceRow;
import org.bridgeway.outcomes.evidence.ProgramEffectiveness.Method;
import org.bridgeway.testing.EvidenceFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Program effectiveness, instrument validation and equity on constructed cohorts whose figures are
 * known by hand. The expected intervals were computed independently with plain python
 * (src/test/resources/outcomes/evidence-figures.py, figures reproduced in the comments): Wilson,
 * Newcombe, Katz, Hanley-McNeil.
 */
@IntegrationTest
class EvidenceFiguresTests {

  static final LocalDate START = LocalDate.of(2016, 3, 1);
  static final LocalDate BORN = LocalDate.of(1986, 1, 1);

  @Autowired JdbcClient jdbc;
  @Autowired ProgramEffectiveness effectiveness;
  @Autowired InstrumentValidation validation;
  @Autowired EquityReport equity;
  @Autowired MutableClock clock;

  EvidenceFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new EvidenceFixtures(jdbc);
  }

  // --- program effectiveness -------------------------------------------------------------------

  /**
   * One person followed from 2016-03-01, aged 30 (band 25_34), male, on probation; a participant of
   * the program or of another program for the same need, rearrested within a year or not.
   */
  private void unit(UUID agency, String program, boolean treated, String risk, boolean rearrested) {
    UUID person = fixtures.person(agency, "MALE", "WHITE", "NOT_HISPANIC_OR_LATINO", BORN);
    fixtures.spell(person, agency, START, risk, null, null);
    fixtures.participation(
        person,
        agency,
        treated ? program : "OTHER-" + program,
        "SUBSTANCE_USE",
        START.plusMonths(1),
        "ACCEPTED",
        null);
    if (rearrested) {
      fixtures.event(person, agency, "ARREST", START.plusMonths(6));
    }
  }

  private void units(
      UUID agency, String program, boolean treated, String risk, int count, int rearrested) {
    for (int i = 0; i < count; i++) {
      unit(agency, program, treated, risk, i < rearrested);
    }
  }

  /**
   * Strata by risk level (every other covariate is the same for everyone):
   *
   * <pre>
   *   LOW        participants 10 (2 rearrested)   comparison 20 (6 rearrested)
   *   HIGH       participants 10 (4 rearrested)   comparison  5 (3 rearrested)
   *   MODERATE   participants  2 (1)              comparison  0           -> participants dropped
   *   VERY_HIGH  participants  0                  comparison  4 (2)       -> comparison dropped
   * </pre>
   *
   * By hand: m_T = 20, m_C = 25. CEM weights of comparison people: LOW (10/20)(25/20) = 0.625, HIGH
   * (10/5)(25/20) = 2.5. Participants' rate 6/20 = 0.30. Comparison's weighted rate (6·0.625 +
   * 3·2.5) / (20·0.625 + 5·2.5) = 11.25 / 25 = 0.45 = ½·6/20 + ½·3/5. Difference −0.15; variance
   * 0.3·0.7/20 + ¼·0.3·0.7/20 + ¼·0.6·0.4/5 = 0.025125, so the 95% interval is −0.15 ±
   * 1.95996·0.158509 = (−0.460671, 0.160671).
   */
  private String effectivenessCohort(UUID agency) {
    String program = "P-" + UUID.randomUUID().toString().substring(0, 8);
    units(agency, program, true, "LOW", 10, 2);
    units(agency, program, false, "LOW", 20, 6);
    units(agency, program, true, "HIGH", 10, 4);
    units(agency, program, false, "HIGH", 5, 3);
    units(agency, program, true, "MODERATE", 2, 1);
    units(agency, program, false, "VERY_HIGH", 4, 2);
    // A comparison person arrested 15 months after the start: not within one year.
    UUID late = fixtures.person(agency, "MALE", "WHITE", "NOT_HISPANIC_OR_LATINO", BORN);
    fixtures.spell(late, agency, START, "VERY_HIGH", null, null);
    fixtures.event(late, agency, "ARREST", START.plusMonths(15));
    // Referred to the program but declined: neither participant nor comparison.
    UUID declined = fixtures.person(agency, "MALE", "WHITE", "NOT_HISPANIC_OR_LATINO", BORN);
    fixtures.spell(declined, agency, START, "LOW", null, null);
    fixtures.participation(
        declined, agency, program, "SUBSTANCE_USE", START.plusMonths(1), "DECLINED", null);
    // A participant whose spell started too recently to be followed for a year.
    UUID recent = fixtures.person(agency, "MALE", "WHITE", "NOT_HISPANIC_OR_LATINO", BORN);
    LocalDate recentStart = LocalDate.now(clock).minusDays(100);
    fixtures.spell(recent, agency, recentStart, "LOW", null, null);
    fixtures.participation(
        recent, agency, program, "SUBSTANCE_USE", recentStart.plusDays(5), "ACCEPTED", null);
    return program;
  }

  @Test
  void coarsenedExactMatchingWeighsTheComparisonToTheParticipantsStrata() {
    UUID agency = UUID.randomUUID();
    String program = effectivenessCohort(agency);

    var result =
        effectiveness.compare(
            new EvidenceScope(agency),
            new ProgramEffectiveness.Request(
                program, OutcomeDefinition.REARREST, 1, Method.COARSENED_EXACT, null, null, null));

    assertThat(result.participants()).isEqualTo(22);
    // 20 + 5 + 4 + the late arrest (VERY_HIGH): 30
    assertThat(result.comparisonPool()).isEqualTo(30);
    assertThat(result.matchedParticipants()).isEqualTo(20);
    assertThat(result.matchedComparison()).isEqualTo(25);
    assertThat(result.unmatchedParticipants()).isEqualTo(2);
    assertThat(result.tooFew()).isFalse();
    assertThat(result.participantRate().estimate().value()).isCloseTo(0.30, within(1e-9));
    assertThat(result.comparisonRate().estimate().value()).isCloseTo(0.45, within(1e-9));
    assertThat(result.difference().value()).isCloseTo(-0.15, within(1e-9));
    assertThat(result.difference().lower()).isCloseTo(-0.460671, within(1e-5));
    assertThat(result.difference().upper()).isCloseTo(0.160671, within(1e-5));
    assertThat(result.costAvailable()).isFalse();

    // Before: LOW 10/22 against 20/30; SMD (10/22 − 20/30) / √((p₁q₁ + p₀q₀)/2).
    double p1 = 10.0 / 22;
    double p0 = 20.0 / 30;
    double expected = (p1 - p0) / Math.sqrt((p1 * (1 - p1) + p0 * (1 - p0)) / 2);
    BalanceRow low = row(result.balance(), "RISK_LEVEL", "LOW");
    assertThat(low.smdBefore()).isCloseTo(expected, within(1e-9));
    assertThat(low.imbalancedBefore()).isTrue();
    // After exact matching on every covariate, each value is equally common in both groups.
    assertThat(result.balance()).allSatisfy(b -> assertThat(b.smdAfter()).isZero());
    assertThat(low.participantShareAfter()).isCloseTo(0.5, within(1e-9));
    assertThat(low.comparisonShareAfter()).isCloseTo(0.5, within(1e-9));
    // MODERATE: 2/22 participants, no comparison person: (2/22) / √((2/22)(20/22)/2) = √0.2.
    assertThat(row(result.balance(), "RISK_LEVEL", "MODERATE").smdBefore())
        .isCloseTo(Math.sqrt(0.2), within(1e-12));
  }

  @Test
  void propensityScoreMatchingPairsWithinTheCaliper() {
    UUID agency = UUID.randomUUID();
    String program = effectivenessCohort(agency);

    var result =
        effectiveness.compare(
            new EvidenceScope(agency),
            new ProgramEffectiveness.Request(
                program, OutcomeDefinition.REARREST, 1, Method.PROPENSITY_SCORE, 0.2, null, null));

    // Risk level is the only covariate that differs, so the score is that of the level: every
    // LOW participant finds a LOW comparison person (20 of them), the HIGH participants only the 5
    // HIGH ones; MODERATE participants and the other 5 HIGH ones have nobody within the caliper.
    assertThat(result.matchedParticipants()).isEqualTo(15);
    assertThat(result.matchedComparison()).isEqualTo(15);
    assertThat(row(result.balance(), "RISK_LEVEL", "HIGH").smdAfter()).isZero();
    assertThat(row(result.balance(), "RISK_LEVEL", "LOW").participantShareAfter())
        .isCloseTo(10.0 / 15, within(1e-9));
  }

  @Test
  void anUnknownProgramBadYearsAndTooFewParticipantsAreRefusedNamingTheField() {
    UUID agency = UUID.randomUUID();
    String program = effectivenessCohort(agency);
    EvidenceScope scope = new EvidenceScope(agency);

    assertThatThrownBy(
            () ->
                effectiveness.compare(
                    scope,
                    new ProgramEffectiveness.Request("NOPE", null, 1, null, null, null, null)))
        .isInstanceOfSatisfying(
            EvidenceRejected.class, e -> assertThat(e.violation().field()).isEqualTo("program"));
    assertThatThrownBy(
            () ->
                effectiveness.compare(
                    scope,
                    new ProgramEffectiveness.Request(program, null, 4, null, null, null, null)))
        .isInstanceOfSatisfying(
            EvidenceRejected.class, e -> assertThat(e.violation().field()).isEqualTo("years"));
    // Another agency's analyst does not see the program at all.
    assertThatThrownBy(
            () ->
                effectiveness.compare(
                    new EvidenceScope(UUID.randomUUID()),
                    new ProgramEffectiveness.Request(program, null, 1, null, null, null, null)))
        .isInstanceOfSatisfying(
            EvidenceRejected.class, e -> assertThat(e.violation().code()).isEqualTo("Unknown"));
    // Nobody's spell started in 2017: fewer than 11 participants.
    assertThatThrownBy(
            () ->
                effectiveness.compare(
                    scope,
                    new ProgramEffectiveness.Request(
                        program,
                        null,
                        1,
                        null,
                        null,
                        LocalDate.of(2017, 1, 1),
                        LocalDate.of(2018, 1, 1))))
        .isInstanceOfSatisfying(
            EvidenceRejected.class, e -> assertThat(e.violation().code()).isEqualTo("TooFew"));
  }

  private static BalanceRow row(List<BalanceRow> rows, String covariate, String value) {
    return rows.stream()
        .filter(r -> r.covariate().equals(covariate) && r.value().equals(value))
        .findFirst()
        .orElseThrow();
  }

  // --- instrument validation -------------------------------------------------------------------

  private void spells(
      UUID agency, String instrument, String race, String level, boolean outcome, int count) {
    for (int i = 0; i < count; i++) {
      UUID person = fixtures.person(agency, "MALE", race, null, BORN);
      fixtures.spell(person, agency, START, level, instrument, null);
      if (outcome) {
        fixtures.event(person, agency, "ARREST", START.plusMonths(3));
      }
    }
  }

  /**
   * WHITE: 20 without the outcome (2 HIGH, 2 VERY_HIGH, 10 LOW, 6 MODERATE), 12 with it (1 LOW, 2
   * MODERATE, 5 HIGH, 4 VERY_HIGH). BLACK: 15 without (4 HIGH, 2 VERY_HIGH, 5 LOW, 4 MODERATE), 11
   * with (2 MODERATE, 5 HIGH, 4 VERY_HIGH). ASIAN: 2 LOW without, 1 HIGH with.
   */
  @Test
  void validationGivesCalibrationAucAndErrorRatesByGroup() {
    UUID agency = UUID.randomUUID();
    String instrument = "ORAS-" + UUID.randomUUID().toString().substring(0, 6);
    String white = "WHITE";
    String black = "BLACK_OR_AFRICAN_AMERICAN";
    spells(agency, instrument, white, "HIGH", false, 2);
    spells(agency, instrument, white, "VERY_HIGH", false, 2);
    spells(agency, instrument, white, "LOW", false, 10);
    spells(agency, instrument, white, "MODERATE", false, 6);
    spells(agency, instrument, white, "LOW", true, 1);
    spells(agency, instrument, white, "MODERATE", true, 2);
    spells(agency, instrument, white, "HIGH", true, 5);
    spells(agency, instrument, white, "VERY_HIGH", true, 4);
    spells(agency, instrument, black, "HIGH", false, 4);
    spells(agency, instrument, black, "VERY_HIGH", false, 2);
    spells(agency, instrument, black, "LOW", false, 5);
    spells(agency, instrument, black, "MODERATE", false, 4);
    spells(agency, instrument, black, "MODERATE", true, 2);
    spells(agency, instrument, black, "HIGH", true, 5);
    spells(agency, instrument, black, "VERY_HIGH", true, 4);
    spells(agency, instrument, "ASIAN", "LOW", false, 2);
    spells(agency, instrument, "ASIAN", "HIGH", true, 1);

    var result =
        validation.validate(
            new EvidenceScope(agency),
            new InstrumentValidation.Request(
                instrument, OutcomeDefinition.REARREST, 1, null, null));

    assertThat(result.spells()).isEqualTo(61);
    assertThat(result.withOutcome()).isEqualTo(24);
    // calibration LOW 1/18 (0.009875, 0.257573); MODERATE 4/14; HIGH 11/17; VERY_HIGH 8/12
    var lowLevel = result.calibration().get(0);
    assertThat(lowLevel.spells()).isEqualTo(18);
    assertThat(lowLevel.withOutcome()).isEqualTo(1);
    assertThat(lowLevel.rate().lower()).isCloseTo(0.009875191, within(1e-8));
    assertThat(lowLevel.rate().upper()).isCloseTo(0.257573008, within(1e-8));
    assertThat(result.calibration())
        .extracting(InstrumentValidation.LevelRow::withOutcome)
        .containsExactly(1L, 4L, 11L, 8L);
    // AUC by level (no scores): brute-force Mann-Whitney over 24 × 37 pairs = 0.7956081;
    // Hanley-McNeil interval (0.6744867, 0.9167295).
    assertThat(result.aucByScore()).isFalse();
    assertThat(result.auc().value()).isCloseTo(0.7956081081, within(1e-9));
    assertThat(result.auc().lower()).isCloseTo(0.6744866952, within(1e-8));
    assertThat(result.auc().upper()).isCloseTo(0.9167295210, within(1e-8));

    List<ErrorRow> byRace = result.errorRates().get(Grouping.RACE);
    ErrorRow whiteRow = byRace.stream().filter(r -> r.group().equals(white)).findFirst().get();
    ErrorRow blackRow = byRace.stream().filter(r -> r.group().equals(black)).findFirst().get();
    ErrorRow asianRow = byRace.stream().filter(r -> r.group().equals("ASIAN")).findFirst().get();
    assertThat(whiteRow.reference()).isTrue();
    // FPR white 4/20 = 0.2, black 6/15 = 0.4: ratio 2.0 (0.683609, 5.851299)
    assertThat(whiteRow.falsePositiveRate().value()).isCloseTo(0.2, within(1e-12));
    assertThat(blackRow.falsePositiveRate().value()).isCloseTo(0.4, within(1e-12));
    assertThat(blackRow.falsePositiveRate().lower()).isCloseTo(0.198244961, within(1e-8));
    assertThat(blackRow.falsePositiveRatio().value()).isCloseTo(2.0, within(1e-12));
    assertThat(blackRow.falsePositiveRatio().lower()).isCloseTo(0.683608902, within(1e-8));
    assertThat(blackRow.falsePositiveRatio().upper()).isCloseTo(5.851298877, within(1e-8));
    // FNR white 3/12 = 0.25, black 2/11: ratio 0.727273 (0.148134, 3.570592)
    assertThat(blackRow.falseNegativeRate().value()).isCloseTo(2.0 / 11, within(1e-12));
    assertThat(blackRow.falseNegativeRatio().value()).isCloseTo(0.727272727, within(1e-8));
    assertThat(blackRow.falseNegativeRatio().lower()).isCloseTo(0.148133852, within(1e-8));
    assertThat(blackRow.falseNegativeRatio().upper()).isCloseTo(3.570592492, within(1e-8));
    // 2 and 1 people: too few to compare
    assertThat(asianRow.falsePositiveRate()).isNull();
    assertThat(asianRow.falseNegativeRatio()).isNull();

    assertThatThrownBy(
            () ->
                validation.validate(
                    new EvidenceScope(UUID.randomUUID()),
                    new InstrumentValidation.Request(instrument, null, 1, null, null)))
        .isInstanceOfSatisfying(
            EvidenceRejected.class, e -> assertThat(e.violation().field()).isEqualTo("instrument"));
  }

  // --- equity ----------------------------------------------------------------------------------

  /**
   * People of a group: {@code referred} of them referred once, the referrals answered as given,
   * {@code ended} of the accepted ones ended ({@code completed} of those COMPLETED), and {@code
   * rearrested} of the people arrested within a year.
   */
  private void group(
      UUID agency,
      String race,
      int people,
      int referred,
      int accepted,
      int declined,
      int ended,
      int completed,
      int rearrested) {
    for (int i = 0; i < people; i++) {
      UUID person = fixtures.person(agency, "FEMALE", race, null, BORN);
      fixtures.spell(person, agency, START, "LOW", null, null);
      if (i < referred) {
        String answer = i < accepted ? "ACCEPTED" : i < accepted + declined ? "DECLINED" : null;
        String completion =
            i < accepted && i < ended ? (i < completed ? "COMPLETED" : "NOT_COMPLETED") : null;
        fixtures.participation(
            person, agency, "E-1", "HOUSING", START.plusMonths(2), answer, completion);
      }
      if (i < rearrested) {
        fixtures.event(person, agency, "ARREST", START.plusMonths(4));
      }
    }
  }

  @Test
  void disparityRatiosAreEachGroupsRateOverTheReferenceGroups() {
    UUID agency = UUID.randomUUID();
    String black = "BLACK_OR_AFRICAN_AMERICAN";
    // WHITE 40 people, 20 referred: 15 accepted, 3 declined, 2 unanswered; 12 ended, 9 completed
    group(agency, "WHITE", 40, 20, 15, 3, 12, 9, 10);
    // BLACK 30 people, 21 referred: 12 accepted, 8 declined, 1 unanswered; 12 ended, 6 completed
    group(agency, black, 30, 21, 12, 8, 12, 6, 12);
    group(agency, "ASIAN", 5, 1, 1, 0, 0, 0, 0);

    var result =
        equity.of(
            new EvidenceScope(agency),
            new EquityReport.Request(
                EquityReport.Dimension.RACE, null, OutcomeDefinition.REARREST, 1, null, null));

    assertThat(result.reference()).isEqualTo("WHITE");
    var row = result.groups().stream().filter(g -> g.group().equals(black)).findFirst().get();
    assertThat(row.people()).isEqualTo(30);
    // referral (21/30)/(20/40) = 1.4 (0.949324, 2.064626)
    assertThat(row.referral().ratio().value()).isCloseTo(1.4, within(1e-12));
    assertThat(row.referral().ratio().lower()).isCloseTo(0.949324254, within(1e-8));
    assertThat(row.referral().ratio().upper()).isCloseTo(2.064626487, within(1e-8));
    assertThat(row.referral().rate().lower()).isCloseTo(0.521242125, within(1e-8));
    // acceptance (12/20)/(15/18) = 0.72 (0.476303, 1.088382)
    assertThat(row.acceptance().ratio().value()).isCloseTo(0.72, within(1e-12));
    assertThat(row.acceptance().ratio().upper()).isCloseTo(1.088382470, within(1e-8));
    // completion (6/12)/(9/12) = 0.666667 (0.346877, 1.281276)
    assertThat(row.completion().ratio().value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(row.completion().ratio().lower()).isCloseTo(0.346876512, within(1e-8));
    // rearrest (12/30)/(10/40) = 1.6 (0.800156, 3.199375)
    assertThat(row.outcome().ratio().value()).isCloseTo(1.6, within(1e-12));
    assertThat(row.outcome().ratio().lower()).isCloseTo(0.800156230, within(1e-8));
    var asian = result.groups().stream().filter(g -> g.group().equals("ASIAN")).findFirst().get();
    assertThat(asian.referral().tooFew()).isTrue();
    assertThat(asian.outcome().ratio()).isNull();

    assertThatThrownBy(
            () ->
                equity.of(
                    new EvidenceScope(agency),
                    new EquityReport.Request(
                        EquityReport.Dimension.RACE, "ASIAN", null, 1, null, null)))
        .isInstanceOfSatisfying(
            EvidenceRejected.class, e -> assertThat(e.violation().field()).isEqualTo("reference"));
  }
}

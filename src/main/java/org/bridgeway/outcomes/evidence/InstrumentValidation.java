package org.bridgeway.outcomes.evidence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bridgeway.outcomes.evidence.Estimates.Estimate;
import org.bridgeway.outcomes.evidence.Estimates.Scored;
import org.bridgeway.outcomes.evidence.FollowedSpells.FollowedSpell;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local validation of a risk instrument: from the risk levels and scores recorded at spells' starts
 * and the recidivism observed after them, the rate per level (calibration), the AUC, and the error
 * rates of the "high risk" classification by race, ethnicity and gender (ADR 0028).
 */
@Service
public class InstrumentValidation {

  /** The risk levels in order; HIGH and VERY_HIGH are "high risk". */
  public static final List<String> LEVELS = List.of("LOW", "MODERATE", "HIGH", "VERY_HIGH");

  static final Set<String> HIGH = Set.of("HIGH", "VERY_HIGH");

  /** The groupings of the error-rate table. */
  public enum Grouping {
    RACE(FollowedSpell::race),
    ETHNICITY(FollowedSpell::ethnicity),
    GENDER(FollowedSpell::gender);

    private final Function<FollowedSpell, String> value;

    Grouping(Function<FollowedSpell, String> value) {
      this.value = value;
    }

    String of(FollowedSpell spell) {
      String v = value.apply(spell);
      return v == null ? "UNKNOWN" : v;
    }
  }

  public record Request(
      String instrument, OutcomeDefinition outcome, Integer years, LocalDate from, LocalDate to) {}

  /** An instrument with followed spells in the scope, for the form. */
  public record Instrument(String code, long spells) {}

  /** The observed rate at one level; {@code rate} null when too few to compare. */
  public record LevelRow(String level, long spells, long withOutcome, Estimate rate) {}

  /**
   * One group's error rates of "high risk". FPR = high among those without the outcome; FNR = not
   * high among those with it. Each with its ratio to the reference group's; null when too few.
   */
  public record ErrorRow(
      String group,
      boolean reference,
      long withoutOutcome,
      long falsePositives,
      Estimate falsePositiveRate,
      Estimate falsePositiveRatio,
      long withOutcome,
      long falseNegatives,
      Estimate falseNegativeRate,
      Estimate falseNegativeRatio) {}

  public record Result(
      String instrument,
      OutcomeDefinition outcome,
      int years,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      long spells,
      long withOutcome,
      List<LevelRow> calibration,
      Estimate auc,
      boolean aucByScore,
      Map<Grouping, List<ErrorRow>> errorRates) {}

  private final FollowedSpells spells;
  private final JdbcClient jdbc;
  private final Clock clock;

  InstrumentValidation(FollowedSpells spells, JdbcClient jdbc, Clock clock) {
    this.spells = spells;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The instruments recorded on spells of the scope, most used first. */
  @Transactional(readOnly = true)
  public List<Instrument> instruments(EvidenceScope scope) {
    var statement =
        jdbc.sql(
            """
            SELECT instrument_code, count(*) FROM outcomes_spell
            WHERE instrument_code IS NOT NULL AND risk_level IS NOT NULL AND %s
            GROUP BY instrument_code ORDER BY 2 DESC, 1
            """
                .formatted(scope.condition("agency_id")));
    if (!scope.network()) {
      statement = statement.param("agency", scope.agency());
    }
    return statement.query((rs, row) -> new Instrument(rs.getString(1), rs.getLong(2))).list();
  }

  /**
   * @throws EvidenceRejected naming instrument (missing, unknown, or fewer than {@link
   *     Estimates#SMALLEST_GROUP} followed spells), outcome (completion is not validated), years or
   *     the period
   */
  @Transactional(readOnly = true)
  public Result validate(EvidenceScope scope, Request request) {
    LocalDate asOf = LocalDate.now(clock);
    OutcomeDefinition outcome =
        request.outcome() == null ? OutcomeDefinition.REARREST : request.outcome();
    if (!outcome.recidivism()) {
      throw new EvidenceRejected("outcome", "Recidivism", "must be a recidivism definition");
    }
    int years = Periods.years(request.years(), outcome);
    LocalDate to = request.to() == null ? asOf : request.to();
    LocalDate from = request.from() == null ? to.minusYears(Periods.MAX_YEARS) : request.from();
    Periods.check(from, to);
    if (request.instrument() == null || request.instrument().isBlank()) {
      throw new EvidenceRejected("instrument", "Required", "is required");
    }
    String instrument = request.instrument().strip();
    if (instruments(scope).stream().noneMatch(i -> i.code().equals(instrument))) {
      throw new EvidenceRejected("instrument", "Unknown", "is not an instrument in use here");
    }
    List<FollowedSpell> cohort =
        spells.of(
            scope,
            ProgramEffectiveness.START_KINDS,
            from,
            to,
            outcome,
            years,
            asOf,
            "s.instrument_code = :instrument AND s.risk_level IS NOT NULL",
            Map.of("instrument", instrument));
    if (cohort.size() < Estimates.SMALLEST_GROUP) {
      throw new EvidenceRejected(
          "instrument",
          "TooFew",
          "has fewer than "
              + Estimates.SMALLEST_GROUP
              + " spells followed long enough in the period: too few to validate");
    }
    long withOutcome = cohort.stream().filter(FollowedSpell::outcome).count();
    List<LevelRow> calibration = new ArrayList<>();
    for (String level : LEVELS) {
      List<FollowedSpell> at = cohort.stream().filter(s -> level.equals(s.riskLevel())).toList();
      long with = at.stream().filter(FollowedSpell::outcome).count();
      calibration.add(
          new LevelRow(
              level,
              at.size(),
              with,
              at.size() < Estimates.SMALLEST_GROUP ? null : Estimates.proportion(with, at.size())));
    }
    // The score when every spell has one; otherwise the level's rank (ties within a level).
    boolean byScore = cohort.stream().allMatch(s -> s.riskScore() != null);
    List<Scored> scored =
        cohort.stream()
            .map(
                s ->
                    new Scored(
                        byScore ? s.riskScore().doubleValue() : LEVELS.indexOf(s.riskLevel()),
                        s.outcome()))
            .toList();
    Map<Grouping, List<ErrorRow>> errors = new LinkedHashMap<>();
    for (Grouping grouping : Grouping.values()) {
      errors.put(grouping, errorRates(cohort, grouping));
    }
    return new Result(
        instrument,
        outcome,
        years,
        from,
        to,
        asOf,
        cohort.size(),
        withOutcome,
        calibration,
        Estimates.auc(scored),
        byScore,
        errors);
  }

  /**
   * The error rates per group, relative to the reference group: the group with the most spells
   * (ties by name). A rate is computed only over at least {@link Estimates#SMALLEST_GROUP} people.
   */
  static List<ErrorRow> errorRates(List<FollowedSpell> cohort, Grouping grouping) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (FollowedSpell s : cohort) {
      long[] c = counts.computeIfAbsent(grouping.of(s), g -> new long[5]);
      boolean high = HIGH.contains(s.riskLevel());
      c[0]++;
      if (s.outcome()) {
        c[3]++;
        c[4] += high ? 0 : 1;
      } else {
        c[1]++;
        c[2] += high ? 1 : 0;
      }
    }
    String reference =
        counts.entrySet().stream()
            .max(
                Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0])
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .orElseThrow();
    long[] ref = counts.get(reference);
    List<ErrorRow> rows = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              long[] c = e.getValue();
              boolean fprOk = c[1] >= Estimates.SMALLEST_GROUP;
              boolean fnrOk = c[3] >= Estimates.SMALLEST_GROUP;
              boolean refFprOk = ref[1] >= Estimates.SMALLEST_GROUP;
              boolean refFnrOk = ref[3] >= Estimates.SMALLEST_GROUP;
              rows.add(
                  new ErrorRow(
                      e.getKey(),
                      e.getKey().equals(reference),
                      c[1],
                      c[2],
                      fprOk ? Estimates.proportion(c[2], c[1]) : null,
                      fprOk && refFprOk ? Estimates.rateRatio(c[2], c[1], ref[2], ref[1]) : null,
                      c[3],
                      c[4],
                      fnrOk ? Estimates.proportion(c[4], c[3]) : null,
                      fnrOk && refFnrOk ? Estimates.rateRatio(c[4], c[3], ref[4], ref[3]) : null));
            });
    return rows;
  }
}

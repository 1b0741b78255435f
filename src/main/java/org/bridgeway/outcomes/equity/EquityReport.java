package org.bridgeway.outcomes.equity;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bridgeway.outcomes.evidence.AgeBands;
import org.bridgeway.outcomes.evidence.Estimates;
import org.bridgeway.outcomes.evidence.Estimates.Estimate;
import org.bridgeway.outcomes.evidence.EvidenceRejected;
import org.bridgeway.outcomes.evidence.EvidenceScope;
import org.bridgeway.outcomes.evidence.FollowedSpells;
import org.bridgeway.outcomes.evidence.FollowedSpells.FollowedSpell;
import org.bridgeway.outcomes.evidence.OutcomeDefinition;
import org.bridgeway.outcomes.evidence.Periods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disparity ratios across groups of people (race, ethnicity, gender, age band) for four rates, each
 * relative to a reference group, with Katz intervals (ADR 0028):
 *
 * <ul>
 *   <li>referral: people with any participation referred from their first spell's start in the
 *       period to its end, of the people with such a spell (supervision start or release);
 *   <li>acceptance: accepted participations of those answered (accepted or declined);
 *   <li>completion: COMPLETED participations of those ended;
 *   <li>outcome: recidivism within N years of the spells followed long enough.
 * </ul>
 */
@Service
public class EquityReport {

  static final List<String> START_KINDS = List.of("SUPERVISION_START", "RELEASE");

  public enum Dimension {
    RACE,
    ETHNICITY,
    GENDER,
    AGE_BAND
  }

  public record Request(
      Dimension dimension,
      String reference,
      OutcomeDefinition outcome,
      Integer years,
      LocalDate from,
      LocalDate to) {}

  /**
   * A rate of a group and its ratio to the reference group's. {@code rate} and {@code ratio} are
   * null when the group (or the reference) has fewer than 11 in the denominator: too few.
   */
  public record Measure(long numerator, long denominator, Estimate rate, Estimate ratio) {

    public boolean tooFew() {
      return rate == null;
    }
  }

  public record GroupRow(
      String group,
      boolean reference,
      long people,
      Measure referral,
      Measure acceptance,
      Measure completion,
      Measure outcome) {}

  public record Result(
      Dimension dimension,
      String reference,
      OutcomeDefinition outcome,
      int years,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      List<GroupRow> groups) {}

  private final JdbcClient jdbc;
  private final FollowedSpells spells;
  private final Clock clock;

  EquityReport(JdbcClient jdbc, FollowedSpells spells, Clock clock) {
    this.jdbc = jdbc;
    this.spells = spells;
    this.clock = clock;
  }

  /**
   * @throws EvidenceRejected naming reference (not a group of the period, or fewer than 11 people),
   *     outcome (completion: use the completion rate), years or the period
   */
  @Transactional(readOnly = true)
  public Result of(EvidenceScope scope, Request request) {
    LocalDate asOf = LocalDate.now(clock);
    Dimension dimension = request.dimension() == null ? Dimension.RACE : request.dimension();
    OutcomeDefinition outcome =
        request.outcome() == null ? OutcomeDefinition.REARREST : request.outcome();
    if (!outcome.recidivism()) {
      throw new EvidenceRejected("outcome", "Recidivism", "must be a recidivism definition");
    }
    int years = Periods.years(request.years(), outcome);
    LocalDate to = request.to() == null ? asOf : request.to();
    LocalDate from = request.from() == null ? to.minusYears(Periods.MAX_YEARS) : request.from();
    Periods.check(from, to);

    Map<String, long[]> counts = new TreeMap<>();
    var statement =
        jdbc.sql(
                """
            WITH first_spell AS (
              SELECT DISTINCT ON (s.person_id) s.person_id, s.start_date
              FROM outcomes_spell s
              WHERE %s AND s.kind IN (:kinds) AND s.start_date BETWEEN :from AND :to
              ORDER BY s.person_id, s.start_date, s.id)
            SELECT f.person_id, f.start_date, p.birth_date, p.gender, p.race, p.ethnicity,
                   count(pa.id) AS referrals,
                   count(pa.id) FILTER (WHERE pa.accepted_on IS NOT NULL
                                        OR pa.declined_on IS NOT NULL) AS answered,
                   count(pa.id) FILTER (WHERE pa.accepted_on IS NOT NULL) AS accepted,
                   count(pa.id) FILTER (WHERE pa.completion IS NOT NULL) AS ended,
                   count(pa.id) FILTER (WHERE pa.completion = 'COMPLETED') AS completed
            FROM first_spell f JOIN outcomes_person p ON p.id = f.person_id
            LEFT JOIN outcomes_participation pa
              ON pa.person_id = f.person_id AND pa.referred_on BETWEEN f.start_date AND :to
            GROUP BY f.person_id, f.start_date, p.birth_date, p.gender, p.race, p.ethnicity
            """
                    .formatted(scope.condition("s.agency_id")))
            .param("kinds", START_KINDS)
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to));
    if (!scope.network()) {
      statement = statement.param("agency", scope.agency());
    }
    statement.query(
        (java.sql.ResultSet rs) -> {
          Date birth = rs.getDate("birth_date");
          LocalDate start = rs.getDate("start_date").toLocalDate();
          String group =
              group(
                  dimension,
                  rs.getString("gender"),
                  rs.getString("race"),
                  rs.getString("ethnicity"),
                  birth == null ? null : Period.between(birth.toLocalDate(), start).getYears());
          long[] c = counts.computeIfAbsent(group, g -> new long[8]);
          c[0]++;
          c[1] += rs.getLong("referrals") > 0 ? 1 : 0;
          c[2] += rs.getLong("answered");
          c[3] += rs.getLong("accepted");
          c[4] += rs.getLong("ended");
          c[5] += rs.getLong("completed");
        });
    // The outcome rate counts each person's first followed spell in the period.
    List<FollowedSpell> followed =
        spells.of(scope, START_KINDS, from, to, outcome, years, asOf, "TRUE", Map.of());
    java.util.Set<UUID> seen = new java.util.HashSet<>();
    for (FollowedSpell spell : followed) {
      if (seen.add(spell.person())) {
        String group =
            group(dimension, spell.gender(), spell.race(), spell.ethnicity(), spell.ageAtStart());
        long[] c = counts.computeIfAbsent(group, g -> new long[8]);
        c[6]++;
        c[7] += spell.outcome() ? 1 : 0;
      }
    }
    if (counts.isEmpty()) {
      throw new EvidenceRejected("from", "Empty", "no spell started in the period");
    }
    String reference = request.reference() == null ? null : request.reference().strip();
    if (reference == null || reference.isEmpty()) {
      reference =
          counts.entrySet().stream()
              .max(
                  Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0])
                      .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
              .orElseThrow()
              .getKey();
    } else if (!counts.containsKey(reference)) {
      throw new EvidenceRejected("reference", "Unknown", "is not a group of this breakdown");
    }
    long[] ref = counts.get(reference);
    if (ref[0] < Estimates.SMALLEST_GROUP) {
      throw new EvidenceRejected(
          "reference",
          "TooFew",
          "has fewer than " + Estimates.SMALLEST_GROUP + " people: too few to compare against");
    }
    List<GroupRow> rows = new ArrayList<>();
    for (var entry : counts.entrySet()) {
      long[] c = entry.getValue();
      rows.add(
          new GroupRow(
              entry.getKey(),
              entry.getKey().equals(reference),
              c[0],
              measure(c[1], c[0], ref[1], ref[0]),
              measure(c[3], c[2], ref[3], ref[2]),
              measure(c[5], c[4], ref[5], ref[4]),
              measure(c[7], c[6], ref[7], ref[6])));
    }
    return new Result(dimension, reference, outcome, years, from, to, asOf, rows);
  }

  static Measure measure(long a, long n, long b, long m) {
    if (n < Estimates.SMALLEST_GROUP) {
      return new Measure(a, n, null, null);
    }
    return new Measure(
        a,
        n,
        Estimates.proportion(a, n),
        m < Estimates.SMALLEST_GROUP ? null : Estimates.rateRatio(a, n, b, m));
  }

  static String group(
      Dimension dimension, String gender, String race, String ethnicity, Integer age) {
    String value =
        switch (dimension) {
          case RACE -> race;
          case ETHNICITY -> ethnicity;
          case GENDER -> gender;
          case AGE_BAND -> AgeBands.of(age);
        };
    return value == null ? "UNKNOWN" : value;
  }
}

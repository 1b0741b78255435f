package org.bridgeway.outcomes.evidence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cohort every evidence figure starts from: spells of a scope followed long enough, each with
 * its outcome flag and what was known at its start. A recidivism outcome needs the spell to have
 * started at least N years before the as-of day (start + N years ≤ as-of), so nobody counts as a
 * non-recidivist merely for not having been watched long enough; the outcome is an event of the
 * definition's kinds on or after the start and before the N-th anniversary. Completion needs the
 * spell to have ended by the as-of day.
 */
@Component
public class FollowedSpells {

  /** One followed spell: the unit of effectiveness, validation and the equity outcome rate. */
  public record FollowedSpell(
      UUID spell,
      UUID person,
      UUID agency,
      String kind,
      LocalDate start,
      String supervisionType,
      String riskLevel,
      String instrumentCode,
      BigDecimal riskScore,
      LocalDate birthDate,
      String gender,
      String race,
      String ethnicity,
      boolean outcome) {

    /** Age in whole years at the spell's start, or null when the birth date is unknown. */
    public Integer ageAtStart() {
      return birthDate == null ? null : Period.between(birthDate, start).getYears();
    }
  }

  private final JdbcClient jdbc;

  FollowedSpells(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The followed spells of the scope of the given kinds starting in the period.
   *
   * @param years the follow-up (1 to 3); ignored for completion
   * @param extraCondition more SQL on {@code s} (the spell) and {@code p} (the person), or "TRUE"
   */
  public List<FollowedSpell> of(
      EvidenceScope scope,
      List<String> kinds,
      LocalDate from,
      LocalDate to,
      OutcomeDefinition definition,
      int years,
      LocalDate asOf,
      String extraCondition,
      java.util.Map<String, Object> extraParameters) {
    String outcome =
        definition.recidivism()
            ? """
              EXISTS (SELECT 1 FROM outcomes_event e
                      WHERE e.person_id = s.person_id AND e.kind IN (:eventKinds)
                        AND e.occurred_on >= s.start_date
                        AND e.occurred_on < s.start_date + make_interval(years => :years))
              """
            : "s.end_reason IN ('COMPLETED', 'EARLY_DISCHARGE')";
    String followed =
        definition.recidivism()
            ? "s.start_date + make_interval(years => :years) <= :asOf"
            : "s.end_date IS NOT NULL AND s.end_date <= :asOf";
    JdbcClient.StatementSpec statement =
        jdbc.sql(
                """
                SELECT s.id, s.person_id, s.agency_id, s.kind, s.start_date, s.supervision_type,
                       s.risk_level, s.instrument_code, s.risk_score,
                       p.birth_date, p.gender, p.race, p.ethnicity,
                       %s AS outcome
                FROM outcomes_spell s JOIN outcomes_person p ON p.id = s.person_id
                WHERE %s AND s.kind IN (:kinds)
                  AND s.start_date BETWEEN :from AND :to
                  AND %s AND (%s)
                ORDER BY s.start_date, s.id
                """
                    .formatted(outcome, scope.condition("s.agency_id"), followed, extraCondition))
            .param("kinds", kinds)
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to))
            .param("asOf", Date.valueOf(asOf));
    if (definition.recidivism()) {
      statement = statement.param("eventKinds", definition.eventKinds()).param("years", years);
    }
    if (!scope.network()) {
      statement = statement.param("agency", scope.agency());
    }
    for (var parameter : extraParameters.entrySet()) {
      statement = statement.param(parameter.getKey(), parameter.getValue());
    }
    return statement.query(FollowedSpells::row).list();
  }

  private static FollowedSpell row(ResultSet rs, int row) throws SQLException {
    Date birth = rs.getDate("birth_date");
    return new FollowedSpell(
        rs.getObject("id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("agency_id", UUID.class),
        rs.getString("kind"),
        rs.getDate("start_date").toLocalDate(),
        rs.getString("supervision_type"),
        rs.getString("risk_level"),
        rs.getString("instrument_code"),
        rs.getBigDecimal("risk_score"),
        birth == null ? null : birth.toLocalDate(),
        rs.getString("gender"),
        rs.getString("race"),
        rs.getString("ethnicity"),
        rs.getBoolean("outcome"));
  }
}

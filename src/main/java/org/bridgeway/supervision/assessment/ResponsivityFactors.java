package org.bridgeway.supervision.assessment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.AssessmentId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.Responsivity;
import org.bridgeway.supervision.ResponsivityFactor;
import org.bridgeway.supervision.ResponsivityLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The responsivity factors recorded for people: every record kept, the latest per factor counts.
 */
@Repository
public class ResponsivityFactors {

  /** The longest notes on one factor, in characters. */
  public static final int MAX_NOTES = 1000;

  private final JdbcClient jdbc;

  ResponsivityFactors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(
      OrganizationId agency,
      PersonId person,
      NewResponsivity factor,
      LocalDate on,
      AssessmentId assessment,
      String by,
      Instant at) {
    jdbc.sql(
            "INSERT INTO supervision_responsivity (id, organization_id, person_id, factor, level,"
                + " notes, recorded_on, assessment_id, recorded_by, recorded_at) VALUES (?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            agency.value(),
            person.value(),
            factor.factor().name(),
            factor.level().name(),
            factor.notes() == null || factor.notes().isBlank() ? null : factor.notes().strip(),
            Date.valueOf(on),
            assessment == null ? null : assessment.value(),
            by,
            Timestamp.from(at))
        .update();
  }

  /** The latest record of each factor of the person, in the order of {@link ResponsivityFactor}. */
  public List<Responsivity> latestOf(PersonId person) {
    return jdbc
        .sql(
            "SELECT DISTINCT ON (factor) factor, level, notes, recorded_on FROM"
                + " supervision_responsivity WHERE person_id = ? ORDER BY factor, recorded_on DESC,"
                + " recorded_at DESC")
        .param(person.value())
        .query(
            (rs, n) ->
                new Responsivity(
                    ResponsivityFactor.valueOf(rs.getString("factor")),
                    ResponsivityLevel.valueOf(rs.getString("level")),
                    rs.getString("notes"),
                    rs.getDate("recorded_on").toLocalDate()))
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing(Responsivity::factor))
        .toList();
  }
}

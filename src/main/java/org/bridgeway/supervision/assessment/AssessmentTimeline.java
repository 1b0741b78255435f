package org.bridgeway.supervision.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.workspace.TimelineEntry;
import org.bridgeway.supervision.workspace.TimelineSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The assessments of a person on their timeline: which instrument, on which day, what risk. */
@Component
class AssessmentTimeline implements TimelineSource {

  private final JdbcClient jdbc;

  AssessmentTimeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<TimelineEntry> entries(PersonId person, Instant from, Instant to, int limit) {
    return jdbc.sql(
            """
            SELECT instrument_name, assessed_on, risk_level, recorded_at
            FROM supervision_assessment
            WHERE person_id = :person AND recorded_at >= :from AND recorded_at < :to
            ORDER BY recorded_at DESC LIMIT :limit
            """)
        .param("person", person.value())
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new TimelineEntry(
                    rs.getTimestamp("recorded_at").toInstant(),
                    "assessment",
                    "workspace.timeline.assessment.recorded",
                    List.of(
                        rs.getString("instrument_name"),
                        rs.getObject("assessed_on", LocalDate.class).toString(),
                        "#riskLevel." + rs.getString("risk_level")),
                    null,
                    "/supervision/people/" + person + "/assessments"))
        .list();
  }
}

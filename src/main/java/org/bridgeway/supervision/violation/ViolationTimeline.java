package org.bridgeway.supervision.violation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.workspace.TimelineEntry;
import org.bridgeway.supervision.workspace.TimelineSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The violations of a person's cases, the responses to them and the incentives given, on their
 * timeline at the time each was recorded.
 */
@Component
class ViolationTimeline implements TimelineSource {

  private final JdbcClient jdbc;

  ViolationTimeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<TimelineEntry> entries(PersonId person, Instant from, Instant to, int limit) {
    List<TimelineEntry> entries = new ArrayList<>();
    jdbc.sql(
            """
            SELECT v.case_id, v.kind, v.severity, v.occurred_on, v.description, v.recorded_at
            FROM supervision_violation v JOIN supervision_case c ON c.id = v.case_id
            WHERE c.person_id = :person AND v.recorded_at >= :from AND v.recorded_at < :to
            ORDER BY v.recorded_at DESC LIMIT :limit
            """)
        .params(window(person, from, to, limit))
        .query(
            rs -> {
              entries.add(
                  new TimelineEntry(
                      rs.getTimestamp("recorded_at").toInstant(),
                      "violation",
                      "workspace.timeline.violation.recorded",
                      List.of(
                          "#violationKind." + rs.getString("kind"),
                          "#violationSeverity." + rs.getString("severity"),
                          rs.getObject("occurred_on", LocalDate.class).toString()),
                      rs.getString("description"),
                      link(rs.getObject("case_id", UUID.class))));
            });
    jdbc.sql(
            """
            SELECT v.case_id, r.sanction, r.responded_on, r.note, r.recorded_at
            FROM supervision_violation_response r
            JOIN supervision_violation v ON v.id = r.violation_id
            JOIN supervision_case c ON c.id = v.case_id
            WHERE c.person_id = :person AND r.recorded_at >= :from AND r.recorded_at < :to
            ORDER BY r.recorded_at DESC LIMIT :limit
            """)
        .params(window(person, from, to, limit))
        .query(
            rs -> {
              entries.add(
                  new TimelineEntry(
                      rs.getTimestamp("recorded_at").toInstant(),
                      "violation",
                      "workspace.timeline.violation.response",
                      List.of(
                          "#sanction." + rs.getString("sanction"),
                          rs.getObject("responded_on", LocalDate.class).toString()),
                      rs.getString("note"),
                      link(rs.getObject("case_id", UUID.class))));
            });
    jdbc.sql(
            """
            SELECT i.case_id, i.kind, i.given_on, i.note, i.recorded_at
            FROM supervision_incentive i JOIN supervision_case c ON c.id = i.case_id
            WHERE c.person_id = :person AND i.recorded_at >= :from AND i.recorded_at < :to
            ORDER BY i.recorded_at DESC LIMIT :limit
            """)
        .params(window(person, from, to, limit))
        .query(
            rs -> {
              entries.add(
                  new TimelineEntry(
                      rs.getTimestamp("recorded_at").toInstant(),
                      "violation",
                      "workspace.timeline.incentive.given",
                      List.of(
                          "#incentiveKind." + rs.getString("kind"),
                          rs.getObject("given_on", LocalDate.class).toString()),
                      rs.getString("note"),
                      link(rs.getObject("case_id", UUID.class))));
            });
    return entries;
  }

  private static java.util.Map<String, Object> window(
      PersonId person, Instant from, Instant to, int limit) {
    return java.util.Map.of(
        "person", person.value(),
        "from", Timestamp.from(from),
        "to", Timestamp.from(to),
        "limit", limit);
  }

  private static String link(UUID supervisionCase) {
    return "/supervision/cases/" + supervisionCase + "/violations";
  }
}

package org.bridgeway.supervision.caseload;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.workspace.TimelineEntry;
import org.bridgeway.supervision.workspace.TimelineSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The timeline entries of cases and conditions: a case opened, transferred (from which officer and
 * office to which) and closed; a condition set, its latest status and its notes. Conditions keep
 * their current status only, so a condition contributes the last status recorded, not each change.
 */
@Component
class CaseTimeline implements TimelineSource {

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final Clock clock;

  CaseTimeline(JdbcClient jdbc, StaffDirectory staff, Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.clock = clock;
  }

  private String nameOf(UUID officer) {
    return officer == null
        ? "?"
        : staff.find(new UserId(officer)).map(StaffMember::displayName).orElse("?");
  }

  @Override
  public List<TimelineEntry> entries(PersonId person, Instant from, Instant to, int limit) {
    List<TimelineEntry> entries = new ArrayList<>();
    jdbc.sql(
            """
            SELECT c.id, c.supervision_type, c.level, c.created_at, c.closed_on, c.closure_reason,
              a.position, a.assigned_at, a.reason, a.officer_id, t.name AS to_office,
              b.officer_id AS from_officer, f.name AS from_office
            FROM supervision_case c
            JOIN supervision_case_assignment a ON a.case_id = c.id
            JOIN supervision_office t ON t.id = a.office_id
            LEFT JOIN supervision_case_assignment b
              ON b.case_id = a.case_id AND b.position = a.position - 1
            LEFT JOIN supervision_office f ON f.id = b.office_id
            WHERE c.person_id = :person AND a.assigned_at >= :from AND a.assigned_at < :to
            ORDER BY a.assigned_at DESC LIMIT :limit
            """)
        .param("person", person.value())
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("limit", limit)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              Instant at = rs.getTimestamp("assigned_at").toInstant();
              if (rs.getInt("position") == 0) {
                entries.add(
                    new TimelineEntry(
                        at,
                        "case",
                        "workspace.timeline.case.opened",
                        List.of(
                            "#supervisionType." + rs.getString("supervision_type"),
                            "#supervisionLevel." + rs.getString("level")),
                        null,
                        null));
              } else {
                // Who had it and where, and who has it now and where: names, not ids, on the page.
                entries.add(
                    new TimelineEntry(
                        at,
                        "case",
                        "offices.timeline.transferred",
                        List.of(
                            nameOf(rs.getObject("from_officer", UUID.class)),
                            String.valueOf(rs.getString("from_office")),
                            nameOf(rs.getObject("officer_id", UUID.class)),
                            rs.getString("to_office")),
                        rs.getString("reason"),
                        null));
              }
            });
    jdbc.sql(
            """
            SELECT c.id, c.closed_on, c.closure_reason FROM supervision_case c
            WHERE c.person_id = :person AND c.closed_on IS NOT NULL
            """)
        .param("person", person.value())
        .query(
            rs -> {
              Instant at =
                  rs.getObject("closed_on", LocalDate.class)
                      .atStartOfDay(clock.getZone())
                      .toInstant();
              if (!at.isBefore(from) && at.isBefore(to)) {
                entries.add(
                    new TimelineEntry(
                        at,
                        "case",
                        "workspace.timeline.case.closed",
                        List.of("#closureReason." + rs.getString("closure_reason")),
                        null,
                        null));
              }
            });
    jdbc.sql(
            """
            SELECT k.id, k.case_id, k.kind, k.status, k.created_at, k.updated_at
            FROM supervision_condition k JOIN supervision_case c ON c.id = k.case_id
            WHERE c.person_id = :person
            """)
        .param("person", person.value())
        .query(
            rs -> {
              String link =
                  "/supervision/cases/"
                      + rs.getObject("case_id", UUID.class)
                      + "/conditions/"
                      + rs.getObject("id", UUID.class);
              String kind = "#conditionKind." + rs.getString("kind");
              Instant created = rs.getTimestamp("created_at").toInstant();
              if (!created.isBefore(from) && created.isBefore(to)) {
                entries.add(
                    new TimelineEntry(
                        created,
                        "condition",
                        "workspace.timeline.condition.set",
                        List.of(kind),
                        null,
                        link));
              }
              Instant updated = rs.getTimestamp("updated_at").toInstant();
              String status = rs.getString("status");
              if (!"PENDING".equals(status) && !updated.isBefore(from) && updated.isBefore(to)) {
                entries.add(
                    new TimelineEntry(
                        updated,
                        "condition",
                        "workspace.timeline.condition.status",
                        List.of(kind, "#conditionStatus." + status),
                        null,
                        link));
              }
            });
    jdbc.sql(
            """
            SELECT n.condition_id, k.case_id, k.kind, n.noted_on, n.text, n.written_at
            FROM supervision_condition_note n
            JOIN supervision_condition k ON k.id = n.condition_id
            JOIN supervision_case c ON c.id = k.case_id
            WHERE c.person_id = :person AND n.written_at >= :from AND n.written_at < :to
            ORDER BY n.written_at DESC LIMIT :limit
            """)
        .param("person", person.value())
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("limit", limit)
        .query(
            rs -> {
              entries.add(
                  new TimelineEntry(
                      rs.getTimestamp("written_at").toInstant(),
                      "condition",
                      "workspace.timeline.condition.note",
                      List.of(
                          "#conditionKind." + rs.getString("kind"),
                          rs.getObject("noted_on", LocalDate.class).toString()),
                      rs.getString("text"),
                      "/supervision/cases/"
                          + rs.getObject("case_id", UUID.class)
                          + "/conditions/"
                          + rs.getObject("condition_id", UUID.class)));
            });
    return entries;
  }
}

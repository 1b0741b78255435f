package org.bridgeway.supervision.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.workspace.TimelineEntry;
import org.bridgeway.supervision.workspace.TimelineSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The recorded contacts of a person's cases on their timeline, with their notes. */
@Component
class ContactTimeline implements TimelineSource {

  private final JdbcClient jdbc;

  ContactTimeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<TimelineEntry> entries(PersonId person, Instant from, Instant to, int limit) {
    return jdbc.sql(
            """
            SELECT k.case_id, k.kind, k.outcome, k.happened_at, k.notes
            FROM supervision_contact k JOIN supervision_case c ON c.id = k.case_id
            WHERE c.person_id = :person AND k.happened_at IS NOT NULL
              AND k.happened_at >= :from AND k.happened_at < :to
            ORDER BY k.happened_at DESC LIMIT :limit
            """)
        .param("person", person.value())
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new TimelineEntry(
                    rs.getTimestamp("happened_at").toInstant(),
                    "contact",
                    "workspace.timeline.contact.recorded",
                    List.of(
                        "#contactKind." + rs.getString("kind"),
                        "#contactOutcome." + rs.getString("outcome")),
                    rs.getString("notes"),
                    "/supervision/cases/" + rs.getObject("case_id", UUID.class) + "/contacts"))
        .list();
  }
}

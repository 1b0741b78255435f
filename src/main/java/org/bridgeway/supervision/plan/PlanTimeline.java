package org.bridgeway.supervision.plan;

import java.time.Clock;
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
 * The case plans of a person on their timeline: created, signed, and last changed (a plan keeps its
 * current goals, not each change, so its latest change stands for the others).
 */
@Component
class PlanTimeline implements TimelineSource {

  private final JdbcClient jdbc;
  private final Clock clock;

  PlanTimeline(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public List<TimelineEntry> entries(PersonId person, Instant from, Instant to, int limit) {
    List<TimelineEntry> entries = new ArrayList<>();
    jdbc.sql(
            """
            SELECT case_id, created_at, updated_at, signed_on FROM supervision_case_plan
            WHERE person_id = :person
            """)
        .param("person", person.value())
        .query(
            rs -> {
              String link = "/supervision/cases/" + rs.getObject("case_id", UUID.class) + "/plan";
              Instant created = rs.getTimestamp("created_at").toInstant();
              Instant updated = rs.getTimestamp("updated_at").toInstant();
              LocalDate signed = rs.getObject("signed_on", LocalDate.class);
              add(entries, created, "workspace.timeline.plan.created", link, from, to);
              if (updated.isAfter(created)) {
                add(entries, updated, "workspace.timeline.plan.changed", link, from, to);
              }
              if (signed != null) {
                add(
                    entries,
                    signed.atStartOfDay(clock.getZone()).toInstant(),
                    "workspace.timeline.plan.signed",
                    link,
                    from,
                    to);
              }
            });
    return entries.stream().limit(limit).toList();
  }

  private static void add(
      List<TimelineEntry> entries, Instant at, String key, String link, Instant from, Instant to) {
    if (!at.isBefore(from) && at.isBefore(to)) {
      entries.add(new TimelineEntry(at, "plan", key, List.of(), null, link));
    }
  }
}

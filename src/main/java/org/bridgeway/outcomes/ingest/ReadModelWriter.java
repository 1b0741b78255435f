package org.bridgeway.outcomes.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the platform's rows of the read model for an agency, or for some of its people: people are
 * upserted (they may carry entered or imported events, which must survive), and the spells, derived
 * events and participation copied from the platform are replaced by the new copy. Batched
 * statements, never one row at a time through an ORM.
 */
@Component
class ReadModelWriter {

  static final String RECORDED_BY = "system:outcomes-ingest";
  private static final int BATCH = 1_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  ReadModelWriter(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Serialises the copies of an agency within the caller's transaction: a rebuild holds the agency
   * alone, refreshes share it and hold each of their people alone. Taken before the sources are
   * read, so that of two copies of one person the later one reads the later records and writes
   * last.
   */
  void lock(UUID agency, Collection<UUID> people) {
    if (people == null) {
      ReadModelLocks.wholeAgency(jdbc, agency);
    } else {
      ReadModelLocks.people(jdbc, agency, people);
    }
  }

  /**
   * Replaces the platform's copy.
   *
   * @param people the people whose copy is replaced; null for all of the agency's
   */
  void replace(UUID agency, Collection<UUID> people, ReadModelRows rows, Instant now) {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    upsertPeople(rows, at);
    String scope =
        people == null ? "agency_id = :agency" : "agency_id = :agency AND person_id = ANY(:people)";
    UUID[] ids = people == null ? new UUID[0] : people.toArray(UUID[]::new);
    jdbc.sql("DELETE FROM outcomes_spell WHERE source = 'PLATFORM' AND " + scope)
        .param("agency", agency)
        .param("people", ids)
        .update();
    jdbc.sql("DELETE FROM outcomes_event WHERE source = 'DERIVED' AND " + scope)
        .param("agency", agency)
        .param("people", ids)
        .update();
    jdbc.sql("DELETE FROM outcomes_participation WHERE source = 'PLATFORM' AND " + scope)
        .param("agency", agency)
        .param("people", ids)
        .update();
    batch(
        """
        INSERT INTO outcomes_spell (id, person_id, agency_id, kind, source, source_ref,
            start_date, end_date, end_reason, supervision_type, supervision_level, risk_level,
            instrument_code, risk_score, officer_id, team_id, office_id, program_id, updated_at)
        VALUES (?, ?, ?, ?, 'PLATFORM', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        rows.spells,
        s ->
            new Object[] {
              s.id(),
              s.person(),
              s.agency(),
              s.kind(),
              s.sourceRef(),
              s.startDate(),
              s.endDate(),
              s.endReason(),
              s.supervisionType(),
              s.supervisionLevel(),
              s.riskLevel(),
              s.instrument(),
              s.riskScore(),
              s.officer(),
              s.team(),
              s.office(),
              s.program(),
              at
            });
    // An event staff entered or imported for the same person, kind and day is the same event:
    // it stays, and the derived copy is not added (the unique index says so).
    batch(
        """
        INSERT INTO outcomes_event (id, person_id, agency_id, kind, occurred_on, detail, source,
            source_ref, recorded_at, recorded_by)
        VALUES (?, ?, ?, ?, ?, ?, 'DERIVED', ?, ?, ?)
        ON CONFLICT DO NOTHING
        """,
        rows.events,
        e ->
            new Object[] {
              e.id(),
              e.person(),
              e.agency(),
              e.kind().name(),
              e.occurredOn(),
              e.detail(),
              e.sourceRef(),
              at,
              RECORDED_BY
            });
    batch(
        """
        INSERT INTO outcomes_participation (id, person_id, agency_id, source, source_ref,
            program_id, program_name, service_id, provider_id, need_domain, referred_on,
            accepted_on, declined_on, first_session_on, sessions_scheduled, sessions_attended,
            ended_on, completion, updated_at)
        VALUES (?, ?, ?, 'PLATFORM', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        rows.participations,
        p ->
            new Object[] {
              p.id(),
              p.person(),
              p.agency(),
              p.sourceRef(),
              p.program(),
              p.programName(),
              p.service(),
              p.provider(),
              p.needDomain(),
              p.referredOn(),
              p.acceptedOn(),
              p.declinedOn(),
              p.firstSessionOn(),
              p.sessionsScheduled(),
              p.sessionsAttended(),
              p.endedOn(),
              p.completion(),
              at
            });
  }

  private void upsertPeople(ReadModelRows rows, OffsetDateTime at) {
    // The agency's number goes with the person unless another person of the agency (an imported
    // one, say) already holds it: the number is how imports match people, and must stay unique.
    batch(
        """
        INSERT INTO outcomes_person (id, agency_id, source, external_ref, birth_date, gender, race,
            ethnicity, area, updated_at)
        SELECT CAST(? AS uuid), CAST(? AS uuid), 'PLATFORM',
               CASE WHEN EXISTS (SELECT 1 FROM outcomes_person o
                                  WHERE o.agency_id = CAST(? AS uuid)
                                    AND o.external_ref = CAST(? AS varchar)
                                    AND o.id <> CAST(? AS uuid))
                    THEN NULL ELSE CAST(? AS varchar) END,
               CAST(? AS date), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar),
               CAST(? AS varchar), CAST(? AS timestamptz)
        ON CONFLICT (id) DO UPDATE SET
            agency_id = EXCLUDED.agency_id, external_ref = EXCLUDED.external_ref,
            birth_date = EXCLUDED.birth_date, gender = EXCLUDED.gender, race = EXCLUDED.race,
            ethnicity = EXCLUDED.ethnicity, area = EXCLUDED.area, updated_at = EXCLUDED.updated_at
        """,
        rows.people,
        p ->
            new Object[] {
              p.id(),
              p.agency(),
              p.agency(),
              p.externalRef(),
              p.id(),
              p.externalRef(),
              p.birthDate(),
              p.gender(),
              p.race(),
              p.ethnicity(),
              p.area(),
              at
            });
  }

  private <T> void batch(String sql, List<T> rows, Function<T, Object[]> values) {
    List<Object[]> args = new ArrayList<>(Math.min(rows.size(), BATCH));
    for (T row : rows) {
      args.add(values.apply(row));
      if (args.size() == BATCH) {
        template.batchUpdate(sql, args);
        args.clear();
      }
    }
    if (!args.isEmpty()) {
      template.batchUpdate(sql, args);
    }
  }
}

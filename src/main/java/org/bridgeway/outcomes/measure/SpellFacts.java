package org.bridgeway.outcomes.measure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bridgeway.outcomes.ingest.ReadModelLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code outcomes_spell_fact} equal to what the read model says: deletes the facts of the
 * people (or agency) that changed and computes them again in one statement. Recomputing a person
 * whole, rather than patching a flag, means an event that arrives late (an arrest imported a year
 * after it happened) moves the first-recidivism date of every spell it falls in.
 */
@Component
public class SpellFacts {

  /**
   * The facts of the spells selected by the trailing WHERE clause. The first event of each
   * definition is the earliest strictly after the start and not after the day the person left
   * observation; employment and housing are read at fixed points after the start.
   */
  private static final String COMPUTE =
      """
      INSERT INTO outcomes_spell_fact (
          spell_id, person_id, agency_id, kind, start_date, start_quarter, end_date, end_reason,
          observed_until, year1_on, year2_on, year3_on, month6_on, month12_on,
          rearrest_on, reconviction_on, return_on, employed_6m, employed_12m, housing_12m,
          participated, program_id, provider_id, officer_id, team_id, area, risk_level,
          gender, race, ethnicity, age_band, refreshed_at)
      SELECT s.id, s.person_id, s.agency_id, s.kind, s.start_date,
             date_trunc('quarter', s.start_date)::date, s.end_date, s.end_reason,
             w.observed_until,
             (s.start_date + interval '1 year')::date, (s.start_date + interval '2 years')::date,
             (s.start_date + interval '3 years')::date, (s.start_date + interval '6 months')::date,
             (s.start_date + interval '12 months')::date,
             (SELECT min(e.occurred_on) FROM outcomes_event e
               WHERE e.person_id = s.person_id AND e.kind = 'ARREST' AND e.occurred_on > s.start_date
                 AND (w.observed_until IS NULL OR e.occurred_on <= w.observed_until)),
             (SELECT min(e.occurred_on) FROM outcomes_event e
               WHERE e.person_id = s.person_id AND e.kind = 'CONVICTION' AND e.occurred_on > s.start_date
                 AND (w.observed_until IS NULL OR e.occurred_on <= w.observed_until)),
             (SELECT min(e.occurred_on) FROM outcomes_event e
               WHERE e.person_id = s.person_id AND e.kind IN ('RETURN_TO_CUSTODY', 'REVOCATION')
                 AND e.occurred_on > s.start_date
                 AND (w.observed_until IS NULL OR e.occurred_on <= w.observed_until)),
             EXISTS (SELECT 1 FROM outcomes_event st
                      WHERE st.person_id = s.person_id AND st.kind = 'EMPLOYMENT_START'
                        AND st.occurred_on <= (s.start_date + interval '6 months')::date
                        AND NOT EXISTS (SELECT 1 FROM outcomes_event en
                                         WHERE en.person_id = s.person_id AND en.kind = 'EMPLOYMENT_END'
                                           AND en.occurred_on >= st.occurred_on
                                           AND en.occurred_on <= (s.start_date + interval '6 months')::date)),
             EXISTS (SELECT 1 FROM outcomes_event st
                      WHERE st.person_id = s.person_id AND st.kind = 'EMPLOYMENT_START'
                        AND st.occurred_on <= (s.start_date + interval '12 months')::date
                        AND NOT EXISTS (SELECT 1 FROM outcomes_event en
                                         WHERE en.person_id = s.person_id AND en.kind = 'EMPLOYMENT_END'
                                           AND en.occurred_on >= st.occurred_on
                                           AND en.occurred_on <= (s.start_date + interval '12 months')::date)),
             (SELECT h.housing_status FROM outcomes_event h
               WHERE h.person_id = s.person_id AND h.kind = 'HOUSING_CHANGE'
                 AND h.occurred_on <= (s.start_date + interval '12 months')::date
               ORDER BY h.occurred_on DESC, h.housing_status LIMIT 1),
             EXISTS (SELECT 1 FROM outcomes_participation p
                      WHERE p.person_id = s.person_id AND p.first_session_on >= s.start_date
                        AND (s.end_date IS NULL OR p.first_session_on <= s.end_date)),
             s.program_id,
             (SELECT p.provider_id FROM outcomes_participation p
               WHERE s.program_id IS NOT NULL AND p.person_id = s.person_id
                 AND p.program_id = s.program_id AND p.referred_on <= s.start_date
               ORDER BY p.referred_on DESC LIMIT 1),
             s.officer_id, s.team_id, p.area, s.risk_level, p.gender, p.race, p.ethnicity,
             CASE
               WHEN p.birth_date IS NULL THEN 'UNKNOWN'
               WHEN age(s.start_date, p.birth_date) < interval '18 years' THEN 'UNDER_18'
               WHEN age(s.start_date, p.birth_date) < interval '25 years' THEN '18_24'
               WHEN age(s.start_date, p.birth_date) < interval '35 years' THEN '25_34'
               WHEN age(s.start_date, p.birth_date) < interval '45 years' THEN '35_44'
               WHEN age(s.start_date, p.birth_date) < interval '55 years' THEN '45_54'
               ELSE '55_PLUS'
             END,
             :now
        FROM outcomes_spell s
        JOIN outcomes_person p ON p.id = s.person_id
        CROSS JOIN LATERAL (
          SELECT CASE WHEN s.end_reason IN ('DECEASED', 'TRANSFERRED') THEN s.end_date END
                   AS observed_until) w
      """;

  private static final int SLICE = 1_000;

  private final JdbcClient jdbc;
  private final Clock clock;

  SpellFacts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Recomputes the facts of these people's spells, people of the agency. */
  @Transactional
  public int refreshPeople(UUID agency, Collection<UUID> people) {
    // Waits for any copy of these people still being written, and keeps the next one out until
    // this commits: the facts point at spells such a copy replaces.
    ReadModelLocks.people(jdbc, agency, people);
    List<UUID> ids = List.copyOf(people);
    int refreshed = 0;
    // in slices, so that a large import's people never make one statement with a huge IN list
    for (int from = 0; from < ids.size(); from += SLICE) {
      List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + SLICE));
      jdbc.sql("DELETE FROM outcomes_spell_fact WHERE person_id IN (:ids)")
          .param("ids", slice)
          .update();
      refreshed +=
          jdbc.sql(COMPUTE + " WHERE s.person_id IN (:ids)")
              .param("ids", slice)
              .param("now", OffsetDateTime.now(clock))
              .update();
    }
    return refreshed;
  }

  /** Recomputes the facts of every spell of the agency (after a rebuild or a large import). */
  @Transactional
  public int refreshAgency(UUID agency) {
    ReadModelLocks.wholeAgency(jdbc, agency);
    jdbc.sql("DELETE FROM outcomes_spell_fact WHERE agency_id = :agency")
        .param("agency", agency)
        .update();
    return jdbc.sql(COMPUTE + " WHERE s.agency_id = :agency")
        .param("agency", agency)
        .param("now", OffsetDateTime.now(clock))
        .update();
  }

  /** Recomputes everything, for the daily check and after a migration: agency by agency. */
  @Transactional
  public int refreshAll() {
    List<UUID> agencies =
        jdbc.sql(
                "SELECT agency_id FROM outcomes_spell UNION SELECT agency_id FROM outcomes_spell_fact"
                    + " ORDER BY 1")
            .query(UUID.class)
            .list();
    int refreshed = 0;
    for (UUID agency : agencies) {
      refreshed += refreshAgency(agency);
    }
    return refreshed;
  }
}

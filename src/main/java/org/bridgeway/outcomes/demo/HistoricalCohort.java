package org.bridgeway.outcomes.demo;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.demo.CopyTable;
import org.bridgeway.shared.demo.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an agency's historical cohort ({@link CohortBlueprint}) into the outcomes read model as
 * imported data, with PostgreSQL COPY in batches of people, in one transaction. Idempotent: a
 * cohort whose last person is there already is not written again.
 */
@Component
public class HistoricalCohort {

  private static final Logger log = LoggerFactory.getLogger(HistoricalCohort.class);
  private static final int BATCH_PEOPLE = 2_000;

  /** What a generation wrote. */
  public record Generated(
      int people, long spells, long events, long participations, boolean existed, Duration took) {}

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final Clock clock;

  HistoricalCohort(JdbcClient jdbc, DataSource dataSource, Clock clock) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** The cohort of this many people of the agency, as of today, from the demo's seed. */
  @Transactional
  public Generated generate(OrganizationId agency, int people) {
    return generate(
        new CohortBlueprint(agency.value(), LocalDate.now(clock), DemoData.SEED), agency, people);
  }

  @Transactional
  Generated generate(CohortBlueprint blueprint, OrganizationId agency, int people) {
    long started = System.nanoTime();
    if (people < 1
        || jdbc.sql("SELECT count(*) FROM outcomes_person WHERE id = :id")
                .param("id", blueprint.personId(people - 1))
                .query(Long.class)
                .single()
            > 0) {
      return new Generated(0, 0, 0, 0, true, Duration.ofNanos(System.nanoTime() - started));
    }
    Instant now = clock.instant();
    Tables tables = new Tables();
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      for (int index = 0; index < people; index++) {
        tables.add(agency, blueprint.person(index), now);
        if ((index + 1) % BATCH_PEOPLE == 0 || index == people - 1) {
          // People first: the other rows point to them.
          tables.all().forEach(table -> table.flush(connection));
        }
      }
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    for (CopyTable table : tables.all()) {
      jdbc.sql("ANALYZE " + table.table()).update();
    }
    Generated generated =
        new Generated(
            people,
            tables.spell.written(),
            tables.event.written(),
            tables.participation.written(),
            false,
            Duration.ofNanos(System.nanoTime() - started));
    log.info(
        "Generated the historical outcomes cohort of agency {}: {}", agency.value(), generated);
    return generated;
  }

  /** The COPY tables of the read model, in the order they must be written. */
  static final class Tables {

    final CopyTable person =
        new CopyTable(
            "outcomes_person",
            "id, agency_id, source, external_ref, birth_date, gender, race, ethnicity, area,"
                + " updated_at");
    final CopyTable spell =
        new CopyTable(
            "outcomes_spell",
            "id, person_id, agency_id, kind, source, source_ref, start_date, end_date, end_reason,"
                + " supervision_type, supervision_level, risk_level, instrument_code, risk_score,"
                + " program_id, updated_at");
    final CopyTable event =
        new CopyTable(
            "outcomes_event",
            "id, person_id, agency_id, kind, occurred_on, offense_category, housing_status,"
                + " source, source_ref, recorded_at, recorded_by");
    final CopyTable participation =
        new CopyTable(
            "outcomes_participation",
            "id, person_id, agency_id, source, source_ref, program_id, program_name, need_domain,"
                + " referred_on, accepted_on, declined_on, first_session_on, sessions_scheduled,"
                + " sessions_attended, ended_on, completion, updated_at");

    List<CopyTable> all() {
      return List.of(person, spell, event, participation);
    }

    void add(OrganizationId agency, CohortBlueprint.Cohort cohort, Instant now) {
      var p = cohort.person();
      person.row(
          p.id(),
          agency.value(),
          "IMPORTED",
          p.externalRef(),
          p.birthDate(),
          p.gender(),
          p.race(),
          p.ethnicity(),
          p.area(),
          now);
      for (var s : cohort.spells()) {
        spell.row(
            s.id(),
            s.person(),
            agency.value(),
            s.kind(),
            "IMPORTED",
            s.sourceRef(),
            s.startDate(),
            s.endDate(),
            s.endReason(),
            s.supervisionType(),
            s.supervisionLevel(),
            s.riskLevel(),
            CohortBlueprint.INSTRUMENT,
            s.riskScore(),
            s.program(),
            now);
      }
      for (var e : cohort.events()) {
        event.row(
            e.id(),
            e.person(),
            agency.value(),
            e.kind(),
            e.occurredOn(),
            e.offenseCategory(),
            e.housingStatus(),
            "IMPORTED",
            e.sourceRef(),
            now,
            CohortBlueprint.RECORDED_BY);
      }
      for (var q : cohort.participations()) {
        participation.row(
            q.id(),
            q.person(),
            agency.value(),
            "IMPORTED",
            q.sourceRef(),
            q.program(),
            q.programName(),
            q.needDomain(),
            q.referredOn(),
            q.acceptedOn(),
            q.declinedOn(),
            q.firstSessionOn(),
            q.sessionsScheduled(),
            q.sessionsAttended(),
            q.endedOn(),
            q.completion(),
            now);
      }
    }
  }
}

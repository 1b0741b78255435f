package org.bridgeway.supervision.demo;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.bridgeway.identity.GeneratedStaff;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.demo.CopyTable;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.contact.ContactStandard;
import org.bridgeway.supervision.contact.ContactStandards;
import org.bridgeway.supervision.person.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds an agency's people on supervision at a scale profile (PERFORMANCE.md) and writes them
 * fast: the agency's officers and supervisors through identity's {@link GeneratedStaff}, their
 * teams and the agency's contact standards, then {@link SupervisionBlueprint} rows a batch of
 * people at a time, written with COPY straight into the tables, all in one transaction. The
 * aggregates' invariants hold by construction of the rows, so no aggregate is loaded or saved one
 * by one; no audit is written (nobody read or changed a record). Used by the demo data at the
 * county and state scales and by the benchmarks.
 */
@Component
public class SupervisionGenerator {

  private static final Logger log = LoggerFactory.getLogger(SupervisionGenerator.class);

  /** People per batch: large enough for COPY, small enough for memory at any scale. */
  static final int BATCH_PEOPLE = 2_000;

  private final GeneratedStaff staff;
  private final People people;
  private final ContactStandards standards;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final Clock clock;

  SupervisionGenerator(
      GeneratedStaff staff,
      People people,
      ContactStandards standards,
      JdbcClient jdbc,
      DataSource dataSource,
      Clock clock) {
    this.staff = staff;
    this.people = people;
    this.standards = standards;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Generates the agency's people of a scale profile unless they are there already. */
  @Transactional
  public SupervisionGenerationSummary generate(DemoData demo, Scale scale, OrganizationId agency) {
    return generate(
        demo, scale.name().toLowerCase(Locale.ROOT), SupervisionBlueprint.Sizes.of(scale), agency);
  }

  @Transactional
  SupervisionGenerationSummary generate(
      DemoData demo, String profile, SupervisionBlueprint.Sizes sizes, OrganizationId agency) {
    long started = System.nanoTime();
    SupervisionBlueprint blueprint = blueprint(demo, sizes, agency);
    if (people.existsById(new PersonId(blueprint.personId(sizes.people() - 1)))) {
      return new SupervisionGenerationSummary(
          profile, 0, 0, 0, 0, 0, 0, 0, 0, 0, true, elapsed(started), Duration.ZERO);
    }
    Instant now = clock.instant();
    staff.ensure(blueprint.accounts(), now);
    linkTeams(blueprint.teams(), agency, now);
    openOffices(blueprint, agency, now);
    Map<SupervisionLevel, ContactStandards.Configured> configured = standards.of(agency);
    for (SupervisionLevel level : SupervisionLevel.values()) {
      if (!configured.get(level).agencys()) {
        standards.save(
            agency, ContactStandard.defaultFor(level), 0, SupervisionBlueprint.SYSTEM, now);
      }
    }

    SupervisionBlueprint.Tables tables = new SupervisionBlueprint.Tables();
    long writing = 0;
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      for (int index = 0; index < sizes.people(); index++) {
        blueprint.person(index, tables);
        if ((index + 1) % BATCH_PEOPLE == 0 || index == sizes.people() - 1) {
          long writeStarted = System.nanoTime();
          tables.all().forEach(table -> table.flush(connection));
          writing += System.nanoTime() - writeStarted;
        }
      }
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    long analyzed = System.nanoTime();
    for (CopyTable table : tables.all()) {
      jdbc.sql("ANALYZE " + table.table()).update();
    }
    writing += System.nanoTime() - analyzed;
    SupervisionGenerationSummary summary =
        new SupervisionGenerationSummary(
            profile,
            sizes.people(),
            sizes.openCases(),
            blueprint.officers().size(),
            blueprint.supervisors().size(),
            tables.supervisionCase.written(),
            tables.assessment.written(),
            tables.condition.written(),
            tables.contact.written(),
            tables.violation.written(),
            false,
            elapsed(started),
            Duration.ofNanos(writing));
    log.info("Generated the {}", summary);
    return summary;
  }

  SupervisionBlueprint blueprint(
      DemoData demo, SupervisionBlueprint.Sizes sizes, OrganizationId agency) {
    return new SupervisionBlueprint(demo, agency, sizes, LocalDate.now(clock), clock.getZone());
  }

  private void linkTeams(Map<UserId, UserId> teams, OrganizationId agency, Instant now) {
    teams.forEach(
        (officer, supervisor) ->
            jdbc.sql(
                    "INSERT INTO supervision_team_member (officer_id, organization_id,"
                        + " supervisor_id, linked_at, linked_by) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (officer_id) DO NOTHING")
                .params(
                    officer.value(),
                    agency.value(),
                    supervisor.value(),
                    Timestamp.from(now),
                    SupervisionBlueprint.SYSTEM)
                .update());
  }

  /** The generated offices and their staff's home offices; the cases follow their officer. */
  private void openOffices(SupervisionBlueprint blueprint, OrganizationId agency, Instant now) {
    List<UUID> offices = blueprint.offices();
    for (int i = 0; i < offices.size(); i++) {
      jdbc.sql(
              "INSERT INTO supervision_office (id, organization_id, name, active, main,"
                  + " created_at, updated_at, version) VALUES (?, ?, ?, TRUE, FALSE, ?, ?, 0)"
                  + " ON CONFLICT DO NOTHING")
          .params(
              offices.get(i),
              agency.value(),
              SupervisionBlueprint.OFFICE_NAMES[i],
              Timestamp.from(now),
              Timestamp.from(now))
          .update();
    }
    blueprint
        .homeOffices()
        .forEach(
            (member, office) ->
                jdbc.sql(
                        "INSERT INTO supervision_office_member (user_id, organization_id,"
                            + " office_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (user_id) DO NOTHING")
                    .params(
                        member.value(),
                        agency.value(),
                        office,
                        Timestamp.from(now),
                        SupervisionBlueprint.SYSTEM)
                    .update());
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}

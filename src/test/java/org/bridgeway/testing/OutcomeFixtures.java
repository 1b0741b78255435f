package org.bridgeway.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the outcomes read model (V27) written straight into its tables, for tests of what is
 * computed from them. Not a bean: {@code new OutcomeFixtures(jdbc)}, so that tests using it share
 * the cached application context of {@link IntegrationTest}.
 */
public final class OutcomeFixtures {

  private static final OffsetDateTime RECORDED =
      OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final JdbcClient jdbc;

  public OutcomeFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A person of the agency with the given demographics (any may be null). */
  public UUID person(
      UUID agency, String gender, String race, String ethnicity, LocalDate birthDate) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO outcomes_person (id, agency_id, source, external_ref, birth_date, gender,
                                         race, ethnicity, area, updated_at)
            VALUES (:id, :agency, 'IMPORTED', :ref, :birth, :gender, :race, :ethnicity, '99999', :at)
            """)
        .param("id", id)
        .param("agency", agency)
        .param("ref", "T-" + id)
        .param("birth", birthDate)
        .param("gender", gender)
        .param("race", race)
        .param("ethnicity", ethnicity)
        .param("at", RECORDED)
        .update();
    return id;
  }

  /**
   * The outcomes copy of a platform person: the same id as the supervision person. The platform
   * copy may have made it already (it copies a person when their case opens, after the commit).
   */
  public UUID platformPerson(UUID supervisionPerson, UUID agency) {
    jdbc.sql(
            """
            INSERT INTO outcomes_person (id, agency_id, source, gender, updated_at)
            VALUES (:id, :agency, 'PLATFORM', 'FEMALE', :at)
            ON CONFLICT (id) DO NOTHING
            """)
        .param("id", supervisionPerson)
        .param("agency", agency)
        .param("at", RECORDED)
        .update();
    return supervisionPerson;
  }

  /** A spell of the person, of the person's agency. */
  public UUID spell(
      UUID person,
      String kind,
      LocalDate start,
      LocalDate end,
      String endReason,
      String riskLevel,
      String program) {
    return spell(person, kind, start, end, endReason, riskLevel, program, null, null);
  }

  public UUID spell(
      UUID person,
      String kind,
      LocalDate start,
      LocalDate end,
      String endReason,
      String riskLevel,
      String program,
      UUID officer,
      UUID team) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO outcomes_spell (id, person_id, agency_id, kind, source, start_date, end_date,
                                        end_reason, risk_level, program_id, officer_id, team_id,
                                        updated_at)
            SELECT :id, p.id, p.agency_id, :kind, 'IMPORTED', :start, :end, :reason, :risk,
                   :program, :officer, :team, :at
              FROM outcomes_person p WHERE p.id = :person
            """)
        .param("id", id)
        .param("person", person)
        .param("kind", kind)
        .param("start", start)
        .param("end", end)
        .param("reason", endReason)
        .param("risk", riskLevel)
        .param("program", program)
        .param("officer", officer)
        .param("team", team)
        .param("at", RECORDED)
        .update();
    return id;
  }

  /** An event; offense category for arrests, charges, convictions and revocations, or null. */
  public UUID event(UUID person, String kind, LocalDate on, String offense) {
    return event(person, kind, on, offense, null);
  }

  public UUID housing(UUID person, LocalDate on, String status) {
    return event(person, "HOUSING_CHANGE", on, null, status);
  }

  private UUID event(UUID person, String kind, LocalDate on, String offense, String housing) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO outcomes_event (id, person_id, agency_id, kind, occurred_on,
                                        offense_category, housing_status, source, recorded_at,
                                        recorded_by)
            SELECT :id, p.id, p.agency_id, :kind, :on, :offense, :housing, 'IMPORTED', :at, 'test'
              FROM outcomes_person p WHERE p.id = :person
            """)
        .param("id", id)
        .param("person", person)
        .param("kind", kind)
        .param("on", on)
        .param("offense", offense)
        .param("housing", housing)
        .param("at", RECORDED)
        .update();
    return id;
  }

  /**
   * A participation in a program: referred, with a first session or not, sessions, and ended with a
   * completion or still going (ended and completion both null).
   */
  public UUID participation(
      UUID person,
      String program,
      String programName,
      UUID provider,
      LocalDate referred,
      LocalDate firstSession,
      int scheduled,
      int attended,
      LocalDate ended,
      String completion) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO outcomes_participation (id, person_id, agency_id, source, program_id,
                program_name, provider_id, referred_on, first_session_on, sessions_scheduled,
                sessions_attended, ended_on, completion, updated_at)
            SELECT :id, p.id, p.agency_id, 'IMPORTED', :program, :name, :provider, :referred,
                   :first, :scheduled, :attended, :ended, :completion, :at
              FROM outcomes_person p WHERE p.id = :person
            """)
        .param("id", id)
        .param("person", person)
        .param("program", program)
        .param("name", programName)
        .param("provider", provider)
        .param("referred", referred)
        .param("first", firstSession)
        .param("scheduled", scheduled)
        .param("attended", attended)
        .param("ended", ended)
        .param("completion", completion)
        .param("at", RECORDED)
        .update();
    return id;
  }
}

package org.bridgeway.testing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the outcomes read model for the evidence tests, written straight into its tables (other
 * parts of the module fill them in production). Not a bean, so that tests using it share the cached
 * application context: {@code new EvidenceFixtures(jdbc)}.
 */
public final class EvidenceFixtures {

  private final JdbcClient jdbc;

  public EvidenceFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A person of the agency; any of gender, race, ethnicity and birth date may be null. */
  public UUID person(
      UUID agency, String gender, String race, String ethnicity, LocalDate birthDate) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO outcomes_person
              (id, agency_id, source, birth_date, gender, race, ethnicity, area, updated_at)
            VALUES (:id, :agency, 'IMPORTED', :birth, :gender, :race, :ethnicity, NULL, :now)
            """)
        .param("id", id)
        .param("agency", agency)
        .param("birth", birthDate == null ? null : Date.valueOf(birthDate), java.sql.Types.DATE)
        .param("gender", gender, java.sql.Types.VARCHAR)
        .param("race", race, java.sql.Types.VARCHAR)
        .param("ethnicity", ethnicity, java.sql.Types.VARCHAR)
        .param("now", Timestamp.from(Instant.now()))
        .update();
    return id;
  }

  /** A supervision-start spell of the person (probation), with its risk at the start. */
  public UUID spell(
      UUID person,
      UUID agency,
      LocalDate start,
      String riskLevel,
      String instrument,
      BigDecimal score) {
    return spell(
        person, agency, "SUPERVISION_START", start, null, null, riskLevel, instrument, score);
  }

  public UUID spell(
      UUID person,
      UUID agency,
      String kind,
      LocalDate start,
      LocalDate end,
      String endReason,
      String riskLevel,
      String instrument,
      BigDecimal score) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO outcomes_spell
              (id, person_id, agency_id, kind, source, start_date, end_date, end_reason,
               supervision_type, risk_level, instrument_code, risk_score, updated_at)
            VALUES (:id, :person, :agency, :kind, 'IMPORTED', :start, :end, :reason,
                    'PROBATION', :risk, :instrument, :score, :now)
            """)
        .param("id", id)
        .param("person", person)
        .param("agency", agency)
        .param("kind", kind)
        .param("start", Date.valueOf(start))
        .param("end", end == null ? null : Date.valueOf(end), java.sql.Types.DATE)
        .param("reason", endReason, java.sql.Types.VARCHAR)
        .param("risk", riskLevel, java.sql.Types.VARCHAR)
        .param("instrument", instrument, java.sql.Types.VARCHAR)
        .param("score", score, java.sql.Types.NUMERIC)
        .param("now", Timestamp.from(Instant.now()))
        .update();
    return id;
  }

  /** An outcome event of the person (an arrest, a conviction, a revocation...). */
  public void event(UUID person, UUID agency, String kind, LocalDate on) {
    jdbc.sql(
            """
            INSERT INTO outcomes_event
              (id, person_id, agency_id, kind, occurred_on, source, recorded_at, recorded_by)
            VALUES (:id, :person, :agency, :kind, :on, 'IMPORTED', :now, 'test')
            """)
        .param("id", UUID.randomUUID())
        .param("person", person)
        .param("agency", agency)
        .param("kind", kind)
        .param("on", Date.valueOf(on))
        .param("now", Timestamp.from(Instant.now()))
        .update();
  }

  /**
   * A referral of the person to a program and its course.
   *
   * @param answer ACCEPTED, DECLINED or null (unanswered)
   * @param completion COMPLETED, PARTIAL, NOT_COMPLETED or null (not ended)
   */
  public void participation(
      UUID person,
      UUID agency,
      String program,
      String needDomain,
      LocalDate referredOn,
      String answer,
      String completion) {
    LocalDate answered = referredOn.plusDays(7);
    jdbc.sql(
            """
            INSERT INTO outcomes_participation
              (id, person_id, agency_id, source, program_id, program_name, need_domain,
               referred_on, accepted_on, declined_on, ended_on, completion, updated_at)
            VALUES (:id, :person, :agency, 'IMPORTED', :program, :name, :need,
                    :referred, :accepted, :declined, :ended, :completion, :now)
            """)
        .param("id", UUID.randomUUID())
        .param("person", person)
        .param("agency", agency)
        .param("program", program)
        .param("name", "Program " + program)
        .param("need", needDomain, java.sql.Types.VARCHAR)
        .param("referred", Date.valueOf(referredOn))
        .param(
            "accepted",
            "ACCEPTED".equals(answer) ? Date.valueOf(answered) : null,
            java.sql.Types.DATE)
        .param(
            "declined",
            "DECLINED".equals(answer) ? Date.valueOf(answered) : null,
            java.sql.Types.DATE)
        .param(
            "ended",
            completion == null ? null : Date.valueOf(referredOn.plusDays(90)),
            java.sql.Types.DATE)
        .param("completion", completion, java.sql.Types.VARCHAR)
        .param("now", Timestamp.from(Instant.now()))
        .update();
  }
}

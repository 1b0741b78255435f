package org.bridgeway.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's supervision history in bulk, for a module that keeps its own read model of it
 * (outcomes, ADR 0024): the people's demographics, their cases with what was known at each start,
 * and the violations recorded on them. Codes, ids and days only: no names, no notes. There is no
 * access check and no audit entry, because nothing here is shown to a user as such; the caller
 * keeps aggregates and sends any person-level read back through {@link SupervisedPeople}.
 */
@Service
public class SupervisionHistory {

  /**
   * A person as breakdowns need them.
   *
   * @param agencyNumber the person's first AGENCY_ID identifier, or null
   * @param race the one race reported, MULTIRACIAL when several were, null when none
   * @param zip the 5-digit ZIP code of the current address, or null
   */
  public record PersonFacts(
      PersonId id,
      OrganizationId agency,
      String agencyNumber,
      LocalDate birthDate,
      String gender,
      String race,
      String ethnicity,
      String zip) {}

  /**
   * The assessment nearest a case's start: the last one on or before it, else the first within 60
   * days after it.
   *
   * @param score the instrument's total score, null for an external assessment without one
   */
  public record RiskAtStart(RiskLevel level, String instrument, BigDecimal score) {}

  /**
   * A case with what was known at its start.
   *
   * @param closureReason a closure reason code (SUCCESSFUL_COMPLETION, REVOCATION...), null while
   *     open
   * @param officer the officer first assigned
   * @param team the supervisor of that officer's team (teams are named by their supervisor), or
   *     null
   * @param office the office of the first assignment
   * @param risk null when no assessment is near the start
   */
  public record CaseFacts(
      CaseId id,
      PersonId person,
      OrganizationId agency,
      LocalDate startDate,
      LocalDate closedOn,
      String closureReason,
      String supervisionType,
      String level,
      UUID officer,
      UUID team,
      UUID office,
      RiskAtStart risk) {}

  /**
   * A violation recorded on a case.
   *
   * @param kind TECHNICAL, NEW_OFFENSE, ABSCONDING or OTHER
   */
  public record ViolationFacts(
      ViolationId id, CaseId supervisionCase, PersonId person, String kind, LocalDate occurredOn) {}

  /** What the agency's records hold, for all of its people or some of them. */
  public record History(
      List<PersonFacts> people, List<CaseFacts> cases, List<ViolationFacts> violations) {

    public History {
      people = List.copyOf(people);
      cases = List.copyOf(cases);
      violations = List.copyOf(violations);
    }
  }

  private final JdbcClient jdbc;

  SupervisionHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The agencies that keep people on supervision. */
  @Transactional(readOnly = true)
  public List<OrganizationId> agencies() {
    return jdbc.sql("SELECT DISTINCT organization_id FROM supervision_person")
        .query((rs, n) -> new OrganizationId(rs.getObject(1, UUID.class)))
        .list();
  }

  /** Everything of the agency's people (merged-away records left out: the survivor has them). */
  @Transactional(readOnly = true)
  public History ofAgency(OrganizationId agency) {
    return read(agency, true, new UUID[0]);
  }

  /** Some people of the agency; people of other agencies are left out. */
  @Transactional(readOnly = true)
  public History ofPeople(OrganizationId agency, Collection<PersonId> people) {
    return read(
        agency, false, people.stream().map(PersonId::value).distinct().toArray(UUID[]::new));
  }

  /** The agency a person belongs to, if there is such a person. */
  @Transactional(readOnly = true)
  public java.util.Optional<OrganizationId> agencyOf(PersonId person) {
    return jdbc.sql("SELECT organization_id FROM supervision_person WHERE id = :person")
        .param("person", person.value())
        .query((rs, n) -> new OrganizationId(rs.getObject(1, UUID.class)))
        .optional();
  }

  private History read(OrganizationId agency, boolean all, UUID[] people) {
    Objects.requireNonNull(agency, "agency");
    List<PersonFacts> persons =
        jdbc.sql(
                """
                SELECT p.id, p.date_of_birth, p.gender, p.races, p.ethnicity,
                       (SELECT i.value FROM supervision_person_identifier i
                         WHERE i.person_id = p.id AND i.kind = 'AGENCY_ID'
                         ORDER BY i.position LIMIT 1) AS agency_number,
                       (SELECT substring(a.postal_code, 1, 5) FROM supervision_person_address a
                         WHERE a.person_id = p.id AND a.valid_to IS NULL
                           AND a.postal_code ~ '^[0-9]{5}'
                         ORDER BY a.position LIMIT 1) AS zip
                  FROM supervision_person p
                 WHERE p.organization_id = :agency AND p.merged_into_id IS NULL
                   AND (:all OR p.id = ANY(:people))
                 ORDER BY p.id
                """)
            .param("agency", agency.value())
            .param("all", all)
            .param("people", people)
            .query(
                (rs, n) ->
                    new PersonFacts(
                        new PersonId(rs.getObject("id", UUID.class)),
                        agency,
                        rs.getString("agency_number"),
                        rs.getObject("date_of_birth", LocalDate.class),
                        rs.getString("gender"),
                        oneRace(rs.getString("races")),
                        rs.getString("ethnicity"),
                        rs.getString("zip")))
            .list();
    List<CaseFacts> cases =
        jdbc.sql(
                """
                SELECT c.id, c.person_id, c.start_date, c.closed_on, c.closure_reason,
                       c.supervision_type, c.level, c.office_id,
                       first.officer_id, first.office_id AS first_office, team.supervisor_id,
                       risk.risk_level, risk.instrument_name, risk.total_score
                  FROM supervision_case c
                  JOIN supervision_person p ON p.id = c.person_id
                  LEFT JOIN LATERAL (
                       SELECT a.officer_id, a.office_id FROM supervision_case_assignment a
                        WHERE a.case_id = c.id ORDER BY a.position LIMIT 1) first ON TRUE
                  LEFT JOIN supervision_team_member team
                         ON team.officer_id = COALESCE(first.officer_id, c.officer_id)
                  LEFT JOIN LATERAL (
                       SELECT s.risk_level, s.instrument_name, s.total_score
                         FROM supervision_assessment s
                        WHERE s.person_id = c.person_id AND s.assessed_on <= c.start_date + 60
                        ORDER BY (s.assessed_on > c.start_date),
                                 abs(s.assessed_on - c.start_date), s.recorded_at DESC
                        LIMIT 1) risk ON TRUE
                 WHERE p.organization_id = :agency AND p.merged_into_id IS NULL
                   AND (:all OR p.id = ANY(:people))
                 ORDER BY c.id
                """)
            .param("agency", agency.value())
            .param("all", all)
            .param("people", people)
            .query(
                (rs, n) -> {
                  String risk = rs.getString("risk_level");
                  UUID officer = rs.getObject("officer_id", UUID.class);
                  UUID office = rs.getObject("first_office", UUID.class);
                  return new CaseFacts(
                      new CaseId(rs.getObject("id", UUID.class)),
                      new PersonId(rs.getObject("person_id", UUID.class)),
                      agency,
                      rs.getObject("start_date", LocalDate.class),
                      rs.getObject("closed_on", LocalDate.class),
                      rs.getString("closure_reason"),
                      rs.getString("supervision_type"),
                      rs.getString("level"),
                      officer,
                      rs.getObject("supervisor_id", UUID.class),
                      office != null ? office : rs.getObject("office_id", UUID.class),
                      risk == null
                          ? null
                          : new RiskAtStart(
                              RiskLevel.valueOf(risk),
                              rs.getString("instrument_name"),
                              rs.getBigDecimal("total_score")));
                })
            .list();
    List<ViolationFacts> violations =
        jdbc.sql(
                """
                SELECT v.id, v.case_id, c.person_id, v.kind, v.occurred_on
                  FROM supervision_violation v
                  JOIN supervision_case c ON c.id = v.case_id
                  JOIN supervision_person p ON p.id = c.person_id
                 WHERE p.organization_id = :agency AND p.merged_into_id IS NULL
                   AND (:all OR p.id = ANY(:people))
                 ORDER BY v.id
                """)
            .param("agency", agency.value())
            .param("all", all)
            .param("people", people)
            .query(
                (rs, n) ->
                    new ViolationFacts(
                        new ViolationId(rs.getObject("id", UUID.class)),
                        new CaseId(rs.getObject("case_id", UUID.class)),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        rs.getString("kind"),
                        rs.getObject("occurred_on", LocalDate.class)))
            .list();
    return new History(persons, cases, violations);
  }

  /** Races are kept as a sorted comma-separated list of codes. */
  static String oneRace(String races) {
    if (races == null || races.isBlank()) {
      return null;
    }
    return races.contains(",") ? "MULTIRACIAL" : races.strip();
  }
}

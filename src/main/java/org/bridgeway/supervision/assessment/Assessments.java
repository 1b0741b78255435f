package org.bridgeway.supervision.assessment;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.AssessmentId;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.RiskLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** All assessments, with their results per domain in rows of their own (for the caseload query). */
@Repository
public class Assessments {

  private static final TypeReference<LinkedHashMap<String, Integer>> ANSWERS =
      new TypeReference<>() {};

  private final JdbcClient jdbc;

  Assessments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a new assessment; assessments do not change once recorded. */
  public void add(Assessment a) {
    jdbc.sql(
            "INSERT INTO supervision_assessment (id, organization_id, person_id, source,"
                + " instrument_id, instrument_name, instrument_number, assessed_on, total_score,"
                + " risk_level, next_due_on, answers, assessed_by, recorded_at) VALUES (:id,"
                + " :organization, :person, :source, :instrument, :name, :number, :assessedOn,"
                + " :total, :risk, :nextDue, CAST(:answers AS jsonb), :by, :at)")
        .param("id", a.id().value())
        .param("organization", a.organizationId().value())
        .param("person", a.personId().value())
        .param("source", a.source().name())
        .param("instrument", a.instrumentId() == null ? null : a.instrumentId().value())
        .param("name", a.instrumentName())
        .param("number", a.instrumentNumber())
        .param("assessedOn", Date.valueOf(a.assessedOn()))
        .param("total", a.totalScore())
        .param("risk", a.riskLevel().name())
        .param("nextDue", Date.valueOf(a.nextDueOn()))
        .param(
            "answers",
            a.answers() == null ? null : Instruments.JSON.writeValueAsString(a.answers()))
        .param("by", a.assessedBy())
        .param("at", Timestamp.from(a.recordedAt()))
        .update();
    a.results()
        .forEach(
            (domain, result) ->
                jdbc.sql(
                        "INSERT INTO supervision_assessment_domain (assessment_id, domain,"
                            + " severity, score) VALUES (?, ?, ?, ?)")
                    .params(a.id().value(), domain.name(), result.severity().name(), result.score())
                    .update());
  }

  /** A person's assessments, latest first (by day assessed, then by when recorded). */
  public List<Assessment> ofPerson(PersonId person) {
    List<Row> rows =
        jdbc.sql(
                "SELECT id, organization_id, source, instrument_id, instrument_name,"
                    + " instrument_number, assessed_on, total_score, risk_level, next_due_on,"
                    + " answers::text AS answers, assessed_by, recorded_at FROM"
                    + " supervision_assessment WHERE person_id = ? ORDER BY assessed_on DESC,"
                    + " recorded_at DESC")
            .param(person.value())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("source"),
                        rs.getObject("instrument_id", UUID.class),
                        rs.getString("instrument_name"),
                        (Integer) rs.getObject("instrument_number"),
                        rs.getDate("assessed_on").toLocalDate(),
                        (Integer) rs.getObject("total_score"),
                        rs.getString("risk_level"),
                        rs.getDate("next_due_on").toLocalDate(),
                        rs.getString("answers"),
                        rs.getString("assessed_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, Map<NeedDomain, DomainResult>> results = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT d.assessment_id, d.domain, d.severity, d.score FROM"
                + " supervision_assessment_domain d JOIN supervision_assessment a ON a.id ="
                + " d.assessment_id WHERE a.person_id = ?")
        .param(person.value())
        .query(
            rs -> {
              results
                  .computeIfAbsent(
                      rs.getObject("assessment_id", UUID.class),
                      k -> new EnumMap<>(NeedDomain.class))
                  .put(
                      NeedDomain.valueOf(rs.getString("domain")),
                      new DomainResult(
                          NeedSeverity.valueOf(rs.getString("severity")),
                          (Integer) rs.getObject("score")));
            });
    List<Assessment> assessments = new ArrayList<>();
    for (Row row : rows) {
      assessments.add(
          new Assessment(
              new AssessmentId(row.id()),
              new OrganizationId(row.organization()),
              person,
              Assessment.Source.valueOf(row.source()),
              row.instrument() == null ? null : new InstrumentId(row.instrument()),
              row.name(),
              row.number(),
              row.assessedOn(),
              row.total(),
              RiskLevel.valueOf(row.risk()),
              row.nextDue(),
              row.answers() == null ? null : Instruments.JSON.readValue(row.answers(), ANSWERS),
              results.getOrDefault(row.id(), Map.of()),
              row.by(),
              row.at()));
    }
    return assessments;
  }

  private record Row(
      UUID id,
      UUID organization,
      String source,
      UUID instrument,
      String name,
      Integer number,
      java.time.LocalDate assessedOn,
      Integer total,
      String risk,
      java.time.LocalDate nextDue,
      String answers,
      String by,
      java.time.Instant at) {}
}

package org.bridgeway.supervision.plan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.AssessmentId;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.CasePlanId;
import org.bridgeway.supervision.PersonId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** All case plans; a plan's goals are one JSON document, written and read with the plan. */
@Repository
public class CasePlans {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Goal>> GOALS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  CasePlans(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a new plan or a change of one, checking its version. */
  public void save(CasePlan plan) {
    String goals = JSON.writeValueAsString(plan.goals());
    int updated =
        jdbc.sql(
                "UPDATE supervision_case_plan SET goals = CAST(:goals AS jsonb), signed_on ="
                    + " :signedOn, updated_at = :updatedAt, version = version + 1 WHERE id = :id"
                    + " AND version = :version")
            .param("goals", goals)
            .param("signedOn", plan.signedOn() == null ? null : Date.valueOf(plan.signedOn()))
            .param("updatedAt", Timestamp.from(plan.updatedAt()))
            .param("id", plan.id().value())
            .param("version", plan.version())
            .update();
    if (updated == 1) {
      plan.stored(plan.version() + 1);
      return;
    }
    if (findById(plan.id()).isPresent()) {
      throw new OptimisticLockingFailureException(
          "The case plan " + plan.id() + " changed after it was read");
    }
    jdbc.sql(
            "INSERT INTO supervision_case_plan (id, organization_id, case_id, person_id,"
                + " created_on, based_on, goals, signed_on, created_at, updated_at, version)"
                + " VALUES (:id, :organization, :case, :person, :createdOn, :basedOn, CAST(:goals"
                + " AS jsonb), :signedOn, :createdAt, :updatedAt, 0)")
        .param("id", plan.id().value())
        .param("organization", plan.organizationId().value())
        .param("case", plan.caseId().value())
        .param("person", plan.personId().value())
        .param("createdOn", Date.valueOf(plan.createdOn()))
        .param("basedOn", plan.basedOn() == null ? null : plan.basedOn().value())
        .param("goals", goals)
        .param("signedOn", plan.signedOn() == null ? null : Date.valueOf(plan.signedOn()))
        .param("createdAt", Timestamp.from(plan.createdAt()))
        .param("updatedAt", Timestamp.from(plan.updatedAt()))
        .update();
    plan.stored(0);
  }

  public Optional<CasePlan> findById(CasePlanId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_case_plan WHERE id = ?")
        .param(id.value())
        .query(CasePlans::map)
        .optional();
  }

  public Optional<CasePlan> findByCase(CaseId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_case_plan WHERE case_id = ?")
        .param(id.value())
        .query(CasePlans::map)
        .optional();
  }

  private static final String COLUMNS =
      "id, organization_id, case_id, person_id, created_on, based_on, goals::text AS goals,"
          + " signed_on, created_at, updated_at, version";

  private static CasePlan map(ResultSet rs, int row) throws SQLException {
    UUID basedOn = rs.getObject("based_on", UUID.class);
    Date signed = rs.getDate("signed_on");
    return new CasePlan(
        new CasePlanId(rs.getObject("id", UUID.class)),
        new OrganizationId(rs.getObject("organization_id", UUID.class)),
        new CaseId(rs.getObject("case_id", UUID.class)),
        new PersonId(rs.getObject("person_id", UUID.class)),
        rs.getDate("created_on").toLocalDate(),
        basedOn == null ? null : new AssessmentId(basedOn),
        JSON.readValue(rs.getString("goals"), GOALS),
        signed == null ? null : signed.toLocalDate(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}

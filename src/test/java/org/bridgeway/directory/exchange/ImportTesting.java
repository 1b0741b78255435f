package org.bridgeway.directory.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.Principals;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs imports as the scheduler would, and counts what the directory holds. */
record ImportTesting(ImportJobs jobs, ImportJobRunner runner, JdbcClient jdbc) {

  static final BridgewayPrincipal CURATOR =
      Principals.user(
          OrganizationId.random(), OrganizationKind.PROBATION_AGENCY, Role.COMMUNITY_COORDINATOR);

  /** What the directory and the import log hold, to show that a rejected import wrote nothing. */
  record Counts(long records, long profiles, long capacities, long history) {}

  ImportJob run(Upload... uploads) {
    UUID id = jobs.submit(List.of(uploads), CURATOR);
    runner.run(id);
    return jobs.find(id).orElseThrow();
  }

  ImportJob runJson(String name, String json) {
    return run(new Upload(name, "application/json", json.getBytes(StandardCharsets.UTF_8)));
  }

  Counts counts() {
    return jdbc.sql(
            "SELECT (SELECT count(*) FROM directory_record), (SELECT count(*) FROM"
                + " directory_service_profile), (SELECT count(*) FROM directory_capacity),"
                + " (SELECT count(*) FROM directory_capacity_history)")
        .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .single();
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}

package org.bridgeway.supervision.violation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each agency's response matrix: a {@link ResponseRange} per severity and level. A pair the agency
 * never set uses {@link ResponseRange#defaultFor the default}, at version 0.
 */
@Repository
public class ResponseGuide {

  /** A range as an agency has it, with the version a change must quote. */
  public record Configured(ResponseRange range, long version, boolean agencys) {}

  private final JdbcClient jdbc;

  ResponseGuide(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The agency's whole matrix, defaults filled in, by severity then level. */
  public List<Configured> of(OrganizationId agency) {
    Map<String, Configured> stored = new HashMap<>();
    jdbc.sql(
            "SELECT severity, level, lowest, highest, version FROM supervision_response_range"
                + " WHERE organization_id = ?")
        .param(agency.value())
        .query(
            (rs, n) ->
                new Configured(
                    new ResponseRange(
                        ViolationSeverity.valueOf(rs.getString("severity")),
                        SupervisionLevel.valueOf(rs.getString("level")),
                        Sanction.valueOf(rs.getString("lowest")),
                        Sanction.valueOf(rs.getString("highest"))),
                    rs.getLong("version"),
                    true))
        .list()
        .forEach(c -> stored.put(key(c.range().severity(), c.range().level()), c));
    List<Configured> matrix = new ArrayList<>();
    for (ViolationSeverity severity : ViolationSeverity.values()) {
      for (SupervisionLevel level : SupervisionLevel.values()) {
        matrix.add(
            stored.getOrDefault(
                key(severity, level),
                new Configured(ResponseRange.defaultFor(severity, level), 0, false)));
      }
    }
    return matrix;
  }

  /** The agency's range for one severity and level. */
  public ResponseRange rangeFor(
      OrganizationId agency, ViolationSeverity severity, SupervisionLevel level) {
    return jdbc.sql(
            "SELECT lowest, highest FROM supervision_response_range WHERE organization_id = ? AND"
                + " severity = ? AND level = ?")
        .params(agency.value(), severity.name(), level.name())
        .query(
            (rs, n) ->
                new ResponseRange(
                    severity,
                    level,
                    Sanction.valueOf(rs.getString("lowest")),
                    Sanction.valueOf(rs.getString("highest"))))
        .optional()
        .orElseGet(() -> ResponseRange.defaultFor(severity, level));
  }

  /**
   * Sets the agency's range for a severity and level.
   *
   * @param version the version the change is based on (0 for the default)
   * @return the new version
   * @throws OptimisticLockingFailureException if the range changed since it was read
   */
  public long save(
      OrganizationId agency, ResponseRange range, long version, String by, Instant at) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("agency", agency.value());
    parameters.put("severity", range.severity().name());
    parameters.put("level", range.level().name());
    parameters.put("lowest", range.lowest().name());
    parameters.put("highest", range.highest().name());
    parameters.put("by", by);
    parameters.put("at", Timestamp.from(at));
    parameters.put("version", version);
    int changed =
        version == 0
            ? jdbc.sql(
                    "INSERT INTO supervision_response_range (organization_id, severity, level,"
                        + " lowest, highest, updated_by, updated_at, version) VALUES (:agency,"
                        + " :severity, :level, :lowest, :highest, :by, :at, 1) ON CONFLICT DO"
                        + " NOTHING")
                .params(parameters)
                .update()
            : jdbc.sql(
                    "UPDATE supervision_response_range SET lowest = :lowest, highest = :highest,"
                        + " updated_by = :by, updated_at = :at, version = version + 1 WHERE"
                        + " organization_id = :agency AND severity = :severity AND level = :level"
                        + " AND version = :version")
                .params(parameters)
                .update();
    if (changed == 0) {
      throw new OptimisticLockingFailureException(
          "The response range for "
              + range.severity()
              + "/"
              + range.level()
              + " is not at version "
              + version);
    }
    return version + 1;
  }

  private static String key(ViolationSeverity severity, SupervisionLevel level) {
    return severity + "/" + level;
  }
}

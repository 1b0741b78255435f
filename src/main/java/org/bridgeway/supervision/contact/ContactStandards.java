package org.bridgeway.supervision.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each agency's contact standards, one per supervision level. A level the agency never set uses
 * {@link ContactStandard#defaultFor the default}, at version 0.
 */
@Repository
public class ContactStandards {

  /** A standard as an agency has it, with the version a change must quote. */
  public record Configured(ContactStandard standard, long version, boolean agencys) {}

  private final JdbcClient jdbc;

  ContactStandards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The agency's standard for every level, defaults filled in. */
  public Map<SupervisionLevel, Configured> of(OrganizationId agency) {
    Map<SupervisionLevel, Configured> standards = new EnumMap<>(SupervisionLevel.class);
    for (SupervisionLevel level : SupervisionLevel.values()) {
      standards.put(level, new Configured(ContactStandard.defaultFor(level), 0, false));
    }
    jdbc.sql(
            "SELECT level, contacts, period_days, field_every_days, version"
                + " FROM supervision_contact_standard WHERE organization_id = ?")
        .param(agency.value())
        .query(
            (rs, n) -> {
              SupervisionLevel level = SupervisionLevel.valueOf(rs.getString("level"));
              Integer field = rs.getObject("field_every_days", Integer.class);
              return new Configured(
                  new ContactStandard(
                      level, rs.getInt("contacts"), rs.getInt("period_days"), field),
                  rs.getLong("version"),
                  true);
            })
        .list()
        .forEach(configured -> standards.put(configured.standard().level(), configured));
    return standards;
  }

  /**
   * Sets the agency's standard for a level.
   *
   * @param version the version the change is based on (0 for the default)
   * @return the new version
   * @throws OptimisticLockingFailureException if the standard changed since it was read
   */
  public long save(
      OrganizationId agency, ContactStandard standard, long version, String by, Instant at) {
    int changed =
        version == 0
            ? jdbc.sql(
                    "INSERT INTO supervision_contact_standard (organization_id, level, contacts,"
                        + " period_days, field_every_days, updated_by, updated_at, version)"
                        + " VALUES (:agency, :level, :contacts, :period, :field, :by, :at, 1)"
                        + " ON CONFLICT DO NOTHING")
                .params(parameters(agency, standard, by, at))
                .update()
            : jdbc.sql(
                    "UPDATE supervision_contact_standard SET contacts = :contacts, period_days ="
                        + " :period, field_every_days = :field, updated_by = :by, updated_at = :at,"
                        + " version = version + 1 WHERE organization_id = :agency AND level ="
                        + " :level AND version = :version")
                .params(parameters(agency, standard, by, at))
                .param("version", version)
                .update();
    if (changed == 0) {
      throw new OptimisticLockingFailureException(
          "The contact standard for " + standard.level() + " is not at version " + version);
    }
    return version + 1;
  }

  private static Map<String, Object> parameters(
      OrganizationId agency, ContactStandard standard, String by, Instant at) {
    Map<String, Object> parameters = new java.util.HashMap<>();
    parameters.put("agency", agency.value());
    parameters.put("level", standard.level().name());
    parameters.put("contacts", standard.contacts());
    parameters.put("period", standard.periodDays());
    parameters.put("field", standard.fieldEveryDays());
    parameters.put("by", by);
    parameters.put("at", Timestamp.from(at));
    return parameters;
  }
}

package org.bridgeway.directory.listing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.directory.DirectoryServices;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a service's summary from its HSDS record, its organization's and the stewardship. */
@Component
class ServiceSummaries implements DirectoryServices {

  private final JdbcClient jdbc;

  ServiceSummaries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ServiceSummary> summary(ServiceId id) {
    record Row(String name, String organizationName, String status, UUID organization) {}
    Optional<Row> row =
        jdbc.sql(
                """
                SELECT s.document ->> 'name', o.document ->> 'name', s.document ->> 'status',
                       s.organization_id
                FROM directory_record s
                LEFT JOIN directory_record o
                  ON o.id = s.organization_id AND o.resource_type = 'organization'
                WHERE s.id = :id AND s.resource_type = 'service'
                """)
            .param("id", id.value())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, UUID.class)))
            .optional();
    return row.map(
        r -> {
          Set<OrganizationId> stewards =
              r.organization() == null
                  ? Set.of()
                  : jdbc
                      .sql(
                          "SELECT network_organization_id FROM directory_steward"
                              + " WHERE directory_organization_id = :organization")
                      .param("organization", r.organization())
                      .query(UUID.class)
                      .list()
                      .stream()
                      .map(OrganizationId::new)
                      .collect(Collectors.toSet());
          return new ServiceSummary(
              id,
              r.name() == null ? "" : r.name(),
              r.organizationName() == null ? "" : r.organizationName(),
              "active".equals(r.status()),
              stewards);
        });
  }

  @Override
  @Transactional(readOnly = true)
  public List<ServiceId> activeServicesKeptBy(OrganizationId steward, int limit) {
    return jdbc.sql(
            """
            SELECT s.id FROM directory_record s
            JOIN directory_steward st ON st.directory_organization_id = s.organization_id
            WHERE st.network_organization_id = :steward AND s.resource_type = 'service'
              AND s.document ->> 'status' = 'active'
            ORDER BY s.id LIMIT :limit
            """)
        .param("steward", steward.value())
        .param("limit", limit)
        .query((rs, n) -> new ServiceId(rs.getObject(1, UUID.class)))
        .list();
  }
}

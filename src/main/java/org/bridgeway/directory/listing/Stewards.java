package org.bridgeway.directory.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which network organization keeps which directory organization's listings ({@code
 * directory_steward}), and the network organizations that may be chosen as stewards.
 *
 * <p>The names and kinds of network organizations are read from identity's organization table,
 * which {@code directory_steward} already references by foreign key: a read-only lookup of public
 * member data (the identity module has no query facade for it yet).
 */
@Repository
public class Stewards {

  private final JdbcClient jdbc;

  Stewards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The network organization that keeps a directory organization's listings, if any. */
  public Optional<OrganizationId> stewardOf(UUID directoryOrganization) {
    return jdbc.sql(
            "SELECT network_organization_id FROM directory_steward"
                + " WHERE directory_organization_id = ?")
        .param(directoryOrganization)
        .query((rs, n) -> new OrganizationId(rs.getObject(1, UUID.class)))
        .optional();
  }

  /** Makes a network organization the steward of a directory organization, replacing any other. */
  public void link(
      UUID directoryOrganization, OrganizationId network, String linkedBy, Instant at) {
    jdbc.sql(
            "INSERT INTO directory_steward (directory_organization_id, network_organization_id,"
                + " linked_at, linked_by) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (directory_organization_id) DO UPDATE SET"
                + " network_organization_id = excluded.network_organization_id,"
                + " linked_at = excluded.linked_at, linked_by = excluded.linked_by")
        .params(directoryOrganization, network.value(), Timestamp.from(at), linkedBy)
        .update();
  }

  /**
   * Links many directory organizations at once, leaving existing links alone (the data generator).
   *
   * @return how many links were added
   */
  public int linkAll(Map<UUID, OrganizationId> links, String linkedBy, Instant at) {
    if (links.isEmpty()) {
      return 0;
    }
    UUID[] directory = links.keySet().toArray(UUID[]::new);
    UUID[] network = new UUID[directory.length];
    for (int i = 0; i < directory.length; i++) {
      network[i] = links.get(directory[i]).value();
    }
    return jdbc.sql(
            "INSERT INTO directory_steward (directory_organization_id, network_organization_id,"
                + " linked_at, linked_by) SELECT d, n, :at, :by FROM unnest(CAST(:directory AS"
                + " UUID[]), CAST(:network AS UUID[])) AS l (d, n)"
                + " ON CONFLICT (directory_organization_id) DO NOTHING")
        .param("directory", directory)
        .param("network", network)
        .param("at", Timestamp.from(at))
        .param("by", linkedBy)
        .update();
  }

  /** Removes a directory organization's steward; false if it had none. */
  public boolean unlink(UUID directoryOrganization) {
    return jdbc.sql("DELETE FROM directory_steward WHERE directory_organization_id = ?")
            .param(directoryOrganization)
            .update()
        > 0;
  }

  /** The active network organizations, by name: the stewards a curator may choose. */
  public List<NetworkOrganization> networkOrganizations() {
    return jdbc.sql(
            "SELECT id, name, kind FROM identity_organization WHERE active ORDER BY lower(name), id")
        .query(
            (rs, n) ->
                new NetworkOrganization(
                    new OrganizationId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    OrganizationKind.valueOf(rs.getString(3))))
        .list();
  }

  /** The given network organizations that exist, active or not. */
  public List<NetworkOrganization> networkOrganizations(Collection<OrganizationId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT id, name, kind FROM identity_organization WHERE id = ANY(?)")
        .param(ids.stream().map(OrganizationId::value).toArray(UUID[]::new))
        .query(
            (rs, n) ->
                new NetworkOrganization(
                    new OrganizationId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    OrganizationKind.valueOf(rs.getString(3))))
        .list();
  }
}

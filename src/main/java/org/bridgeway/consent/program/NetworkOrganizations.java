package org.bridgeway.consent.program;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The network's organizations as consent needs them: whether a named discloser or recipient exists
 * and of which kind. Identity offers no lookup by id to other modules, so this reads its table as
 * the directory module does.
 */
@Component
public class NetworkOrganizations {

  /** An organization of the network. */
  public record Member(OrganizationId id, String name, OrganizationKind kind, boolean active) {}

  private final JdbcClient jdbc;

  NetworkOrganizations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The organizations among the given ids that exist, by id. */
  public Map<OrganizationId, Member> find(Collection<OrganizationId> ids) {
    Map<OrganizationId, Member> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<Member> members =
        jdbc.sql(
                "SELECT id, name, kind, active FROM identity_organization"
                    + " WHERE id = ANY(CAST(:ids AS uuid[]))")
            .param(
                "ids",
                ids.stream()
                    .map(id -> id.value().toString())
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")))
            .query(
                (rs, n) ->
                    new Member(
                        new OrganizationId(rs.getObject("id", UUID.class)),
                        rs.getString("name"),
                        OrganizationKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("active")))
            .list();
    members.forEach(member -> found.put(member.id(), member));
    return found;
  }
}

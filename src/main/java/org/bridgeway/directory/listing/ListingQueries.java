package org.bridgeway.directory.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The reads behind the listing pages: listings with capacity, phones, field-level history. */
@Repository
class ListingQueries {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final JdbcClient jdbc;

  ListingQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The services of the directory organizations a network organization stewards (or of all, when
   * {@code steward} is null), by name, with their current capacity.
   *
   * @param text matched against service and organization names, or null for all
   * @param staleBefore when not null, only services whose capacity was reported before this instant
   *     or never
   */
  ResultPage<ListingSummary> listings(
      OrganizationId steward, String text, Instant staleBefore, Instant now, int offset, int size) {
    List<Long> total = new ArrayList<>(List.of(0L));
    List<ListingSummary> items =
        jdbc.sql(
                "SELECT s.id, s.document ->> 'name', s.organization_id, o.document ->> 'name',"
                    + " s.document ->> 'status', c.open_slots, c.waitlist_length,"
                    + " c.estimated_wait_days, c.updated_at, c.updated_by, c.version,"
                    + " count(*) OVER () AS total"
                    + " FROM directory_record s"
                    + " LEFT JOIN directory_record o ON o.id = s.organization_id"
                    + " LEFT JOIN directory_capacity c ON c.service_id = s.id"
                    + " WHERE s.resource_type = 'service'"
                    + " AND (CAST(:steward AS UUID) IS NULL OR s.organization_id IN"
                    + " (SELECT directory_organization_id FROM directory_steward"
                    + " WHERE network_organization_id = :steward))"
                    + " AND (CAST(:pattern AS TEXT) IS NULL"
                    + " OR s.document ->> 'name' ILIKE :pattern ESCAPE '\\'"
                    + " OR o.document ->> 'name' ILIKE :pattern ESCAPE '\\')"
                    + " AND (CAST(:staleBefore AS TIMESTAMPTZ) IS NULL OR c.updated_at IS NULL"
                    + " OR c.updated_at < :staleBefore)"
                    + " ORDER BY lower(s.document ->> 'name'), s.id LIMIT :size OFFSET :offset")
            .param("steward", steward == null ? null : steward.value())
            .param("pattern", pattern(text))
            .param("staleBefore", staleBefore == null ? null : Timestamp.from(staleBefore))
            .param("size", size)
            .param("offset", offset)
            .query(
                (rs, n) -> {
                  total.set(0, rs.getLong("total"));
                  Capacity capacity = capacity(rs, rs.getObject(1, UUID.class));
                  return new ListingSummary(
                      rs.getObject(1, UUID.class),
                      rs.getString(2),
                      rs.getObject(3, UUID.class),
                      rs.getString(4),
                      rs.getString(5),
                      capacity,
                      capacity == null || capacity.isStale(now));
                })
            .list();
    if (items.isEmpty() && offset > 0) {
      total.set(0, count(steward, text, staleBefore));
    }
    return new ResultPage<>(items, total.get(0), offset / size, size);
  }

  private long count(OrganizationId steward, String text, Instant staleBefore) {
    return jdbc.sql(
            "SELECT count(*) FROM directory_record s"
                + " LEFT JOIN directory_record o ON o.id = s.organization_id"
                + " LEFT JOIN directory_capacity c ON c.service_id = s.id"
                + " WHERE s.resource_type = 'service'"
                + " AND (CAST(:steward AS UUID) IS NULL OR s.organization_id IN"
                + " (SELECT directory_organization_id FROM directory_steward"
                + " WHERE network_organization_id = :steward))"
                + " AND (CAST(:pattern AS TEXT) IS NULL"
                + " OR s.document ->> 'name' ILIKE :pattern ESCAPE '\\'"
                + " OR o.document ->> 'name' ILIKE :pattern ESCAPE '\\')"
                + " AND (CAST(:staleBefore AS TIMESTAMPTZ) IS NULL OR c.updated_at IS NULL"
                + " OR c.updated_at < :staleBefore)")
        .param("steward", steward == null ? null : steward.value())
        .param("pattern", pattern(text))
        .param("staleBefore", staleBefore == null ? null : Timestamp.from(staleBefore))
        .query(Long.class)
        .single();
  }

  private static Capacity capacity(ResultSet rs, UUID service) throws SQLException {
    Timestamp updatedAt = rs.getTimestamp("updated_at");
    if (updatedAt == null) {
      return null;
    }
    return new Capacity(
        service,
        rs.getInt("open_slots"),
        rs.getInt("waitlist_length"),
        (Integer) rs.getObject("estimated_wait_days"),
        updatedAt.toInstant(),
        rs.getString("updated_by"),
        rs.getInt("version"));
  }

  /** A LIKE pattern matching the text anywhere, its wildcards escaped; null for no text. */
  static String pattern(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  /** The phones of a service (not of its locations), oldest first. */
  List<HsdsRecord> phonesOf(UUID service) {
    return jdbc.sql(
            "SELECT id, document::text FROM directory_record WHERE resource_type = 'phone'"
                + " AND links && ARRAY[CAST(:service AS UUID)]"
                + " AND document ->> 'service_id' = :text ORDER BY created_at, id")
        .param("service", service)
        .param("text", service.toString())
        .query(
            (rs, n) ->
                new HsdsRecord(
                    HsdsType.PHONE,
                    rs.getObject(1, UUID.class),
                    (ObjectNode) JSON.readTree(rs.getString(2))))
        .list();
  }

  /** The name of a directory organization. */
  Optional<String> organizationName(UUID organization) {
    return jdbc.sql(
            "SELECT document ->> 'name' FROM directory_record WHERE id = ?"
                + " AND resource_type = 'organization'")
        .param(organization)
        .query(String.class)
        .optional();
  }

  /** The HSDS metadata of the given records, newest first. */
  List<FieldChangeEntry> changes(Collection<UUID> resources, int limit) {
    return jdbc.sql(
            "SELECT document ->> 'resource_type', document ->> 'field_name',"
                + " document ->> 'previous_value', document ->> 'replacement_value',"
                + " document ->> 'last_action_type', document ->> 'updated_by', created_at"
                + " FROM directory_record WHERE resource_type = 'metadata'"
                + " AND links && CAST(:ids AS UUID[]) ORDER BY created_at DESC, id LIMIT :limit")
        .param("ids", resources.toArray(UUID[]::new))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new FieldChangeEntry(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  /** Directory organizations by name, with their service count and steward, for curators. */
  ResultPage<DirectoryOrganizationSummary> directoryOrganizations(
      String text, int offset, int size) {
    List<Long> total = new ArrayList<>(List.of(0L));
    List<DirectoryOrganizationSummary> items =
        jdbc.sql(
                "SELECT o.id, o.document ->> 'name',"
                    + " (SELECT count(*) FROM directory_record s WHERE s.organization_id = o.id"
                    + " AND s.resource_type = 'service') AS services,"
                    + " n.id AS network_id, n.name AS network_name, n.kind AS network_kind,"
                    + " count(*) OVER () AS total"
                    + " FROM directory_record o"
                    + " LEFT JOIN directory_steward st ON st.directory_organization_id = o.id"
                    + " LEFT JOIN identity_organization n ON n.id = st.network_organization_id"
                    + " WHERE o.resource_type = 'organization'"
                    + " AND (CAST(:pattern AS TEXT) IS NULL"
                    + " OR o.document ->> 'name' ILIKE :pattern ESCAPE '\\')"
                    + " ORDER BY lower(o.document ->> 'name'), o.id LIMIT :size OFFSET :offset")
            .param("pattern", pattern(text))
            .param("size", size)
            .param("offset", offset)
            .query(
                (rs, n) -> {
                  total.set(0, rs.getLong("total"));
                  UUID network = rs.getObject("network_id", UUID.class);
                  return new DirectoryOrganizationSummary(
                      rs.getObject(1, UUID.class),
                      rs.getString(2),
                      rs.getInt("services"),
                      network == null
                          ? null
                          : new NetworkOrganization(
                              new OrganizationId(network),
                              rs.getString("network_name"),
                              OrganizationKind.valueOf(rs.getString("network_kind"))));
                })
            .list();
    return new ResultPage<>(items, total.get(0), offset / size, size);
  }

  /** Whether a directory organization exists. */
  boolean organizationExists(UUID organization) {
    return organizationName(organization).isPresent();
  }
}

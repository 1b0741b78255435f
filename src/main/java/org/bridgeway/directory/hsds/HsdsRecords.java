package org.bridgeway.directory.hsds;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directory's HSDS objects, stored flat (one row per object, see ADR 0006). Writes compare each
 * object with what is stored, keep HSDS {@code metadata} rows for every field that changed, and go
 * through PostgreSQL COPY so that a 25,000-service import stays a matter of seconds.
 */
@Repository
public class HsdsRecords {

  private static final int CHUNK = 10_000;
  private static final JsonMapper JSON = JsonMapper.shared();

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  HsdsRecords(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  public Optional<HsdsRecord> find(UUID id) {
    return findAll(List.of(id)).stream().findFirst();
  }

  /** The stored records with the given ids, in no particular order. */
  public List<HsdsRecord> findAll(Collection<UUID> ids) {
    List<HsdsRecord> found = new ArrayList<>();
    for (List<UUID> chunk : chunks(ids)) {
      found.addAll(
          jdbc.sql(
                  "SELECT resource_type, id, document::text AS document FROM directory_record"
                      + " WHERE id = ANY(:ids)")
              .param("ids", chunk.toArray(UUID[]::new))
              .query((rs, n) -> read(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
              .list());
    }
    return found;
  }

  /** The type of each id that is already stored: an id may not change type. */
  public Map<UUID, HsdsType> existingTypes(Collection<UUID> ids) {
    Map<UUID, HsdsType> types = new HashMap<>();
    for (List<UUID> chunk : chunks(ids)) {
      jdbc.sql("SELECT id, resource_type FROM directory_record WHERE id = ANY(:ids)")
          .param("ids", chunk.toArray(UUID[]::new))
          .query(
              rs -> {
                types.put(
                    rs.getObject(1, UUID.class),
                    HsdsType.bySchemaName(rs.getString(2)).orElseThrow());
              });
    }
    return types;
  }

  /** Every record of a directory organization: the organization and all that hangs from it. */
  public List<HsdsRecord> ownedBy(UUID organizationId) {
    return jdbc.sql(
            "SELECT resource_type, id, document::text FROM directory_record"
                + " WHERE organization_id = :organization ORDER BY created_at, id")
        .param("organization", organizationId)
        .query((rs, n) -> read(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
        .list();
  }

  /** Records that belong to no organization: taxonomies, their terms, and their metadata. */
  public List<HsdsRecord> unowned() {
    return jdbc.sql(
            "SELECT resource_type, id, document::text FROM directory_record"
                + " WHERE organization_id IS NULL ORDER BY created_at, id")
        .query((rs, n) -> read(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
        .list();
  }

  /**
   * Streams every stored record of a type in id order, only those of the given directory
   * organizations unless {@code organizations} is null, without holding them all in memory (the
   * export of a whole state). Runs inside the caller's transaction: PostgreSQL streams rows through
   * a cursor only inside one.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void forEachOfType(
      HsdsType type, Collection<UUID> organizations, Consumer<HsdsRecord> action) {
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(1_000);
    String sql =
        "SELECT resource_type, id, document::text FROM directory_record WHERE resource_type = ?"
            + (organizations == null ? "" : " AND organization_id = ANY(?)")
            + " ORDER BY id";
    template.query(
        connection -> {
          var statement = connection.prepareStatement(sql);
          statement.setString(1, type.schemaName());
          if (organizations != null) {
            statement.setArray(2, connection.createArrayOf("uuid", organizations.toArray()));
          }
          return statement;
        },
        (RowCallbackHandler)
            rs ->
                action.accept(read(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3))));
  }

  /**
   * Records that point to any of the given ids but belong to another directory organization than
   * {@code organizationId} (or to none): what hangs from an organization's records although its own
   * pointers file it under another owner, such as a contact of the organization's service whose
   * {@code organization_id} names a partner.
   */
  public List<HsdsRecord> linkedFromOutside(Collection<UUID> ids, UUID organizationId) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<HsdsRecord> found = new ArrayList<>();
    for (List<UUID> chunk : chunks(ids)) {
      found.addAll(
          jdbc.sql(
                  "SELECT resource_type, id, document::text FROM directory_record"
                      + " WHERE links && :ids AND organization_id IS DISTINCT FROM :organization"
                      + " ORDER BY created_at, id")
              .param("ids", chunk.toArray(UUID[]::new))
              .param("organization", organizationId)
              .query((rs, n) -> read(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
              .list());
    }
    return found;
  }

  /**
   * What {@link HsdsGraph#assemble} needs to nest the given roots: every record they contain and
   * every record they nest by reference, loaded level by level through the {@code links} index.
   * Services of an organization are followed only for {@link
   * HsdsGraph.Shape#ORGANIZATION_WITH_SERVICES}.
   */
  public HsdsGraph.RecordSource graphOf(Collection<HsdsRecord> roots, HsdsGraph.Shape shape) {
    Map<UUID, HsdsRecord> loaded = new LinkedHashMap<>();
    roots.forEach(root -> loaded.put(root.id(), root));
    Deque<HsdsRecord> frontier = new ArrayDeque<>(roots);
    Set<UUID> expanded = new HashSet<>();
    while (!frontier.isEmpty()) {
      List<HsdsRecord> level = new ArrayList<>(frontier);
      frontier.clear();
      Set<UUID> parents = new TreeSet<>();
      Set<UUID> singles = new TreeSet<>();
      for (HsdsRecord record : level) {
        if (!expanded.add(record.id())) {
          continue;
        }
        parents.add(record.id());
        for (HsdsType.Single single : record.type().singles()) {
          record.reference(single.foreignKey()).ifPresent(singles::add);
        }
      }
      singles.removeAll(loaded.keySet());
      List<HsdsRecord> next = new ArrayList<>(findAll(singles));
      for (HsdsRecord child : pointingToAny(parents)) {
        boolean serviceOfOrganization =
            child.type() == HsdsType.SERVICE
                && child.reference("organization_id").filter(parents::contains).isPresent()
                && loaded.get(child.reference("organization_id").get()).type()
                    == HsdsType.ORGANIZATION;
        if (serviceOfOrganization && shape != HsdsGraph.Shape.ORGANIZATION_WITH_SERVICES) {
          continue;
        }
        if (isNestedUnder(child, loaded)) {
          next.add(child);
        }
      }
      for (HsdsRecord record : next) {
        if (loaded.putIfAbsent(record.id(), record) == null) {
          frontier.add(record);
        }
      }
    }
    return HsdsGraph.inMemory(loaded.values());
  }

  private static boolean isNestedUnder(HsdsRecord child, Map<UUID, HsdsRecord> loaded) {
    for (HsdsRecord parent : parentsOf(child, loaded)) {
      for (HsdsType.Children children : parent.type().children()) {
        if (children.type() == child.type()
            && child.reference(children.foreignKey()).filter(parent.id()::equals).isPresent()) {
          return true;
        }
      }
      if (parent.type() == HsdsType.ORGANIZATION && child.type() == HsdsType.SERVICE) {
        return true;
      }
    }
    return false;
  }

  private static List<HsdsRecord> parentsOf(HsdsRecord child, Map<UUID, HsdsRecord> loaded) {
    return child.links().stream().map(loaded::get).filter(Objects::nonNull).toList();
  }

  private List<HsdsRecord> pointingToAny(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<HsdsRecord> found = new ArrayList<>();
    for (List<UUID> chunk : chunks(ids)) {
      found.addAll(
          jdbc.sql(
                  "SELECT resource_type, id, document::text FROM directory_record"
                      + " WHERE links && :ids ORDER BY created_at, id")
              .param("ids", chunk.toArray(UUID[]::new))
              .query((rs, n) -> read(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
              .list());
    }
    return found;
  }

  /** What a write did, by type. */
  public record WriteSummary(
      Map<HsdsType, Integer> created,
      Map<HsdsType, Integer> updated,
      Map<HsdsType, Integer> unchanged,
      List<HsdsRecord> changed,
      List<FieldChange> fieldChanges) {

    public int createdCount() {
      return created.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int updatedCount() {
      return updated.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int unchangedCount() {
      return unchanged.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** One field of one record that a write changed: a row of HSDS metadata. */
  public record FieldChange(
      UUID resourceId, HsdsType resourceType, String field, String previous, String replacement) {}

  /**
   * Creates or replaces the given records by id. A record equal to what is stored is left alone, so
   * writing the same data twice changes nothing; a changed record gets one HSDS metadata row per
   * changed field. Runs inside the caller's transaction.
   *
   * @param updatedBy the person named in HSDS metadata as having made the change
   * @throws IllegalArgumentException if a record would change the type of a stored id
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public WriteSummary write(Collection<HsdsRecord> records, String updatedBy, Instant at) {
    Map<UUID, HsdsRecord> incoming = new LinkedHashMap<>();
    records.forEach(record -> incoming.put(record.id(), record));
    Map<UUID, HsdsRecord> stored =
        findAll(incoming.keySet()).stream()
            .collect(Collectors.toMap(HsdsRecord::id, r -> r, (a, b) -> a));

    Map<HsdsType, Integer> created = new EnumMap<>(HsdsType.class);
    Map<HsdsType, Integer> updated = new EnumMap<>(HsdsType.class);
    Map<HsdsType, Integer> unchanged = new EnumMap<>(HsdsType.class);
    List<HsdsRecord> changed = new ArrayList<>();
    List<HsdsRecord> fresh = new ArrayList<>();
    List<HsdsRecord> revised = new ArrayList<>();
    List<FieldChange> fieldChanges = new ArrayList<>();
    for (HsdsRecord record : incoming.values()) {
      HsdsRecord before = stored.get(record.id());
      if (before == null) {
        created.merge(record.type(), 1, Integer::sum);
        changed.add(record);
        fresh.add(record);
      } else if (before.type() != record.type()) {
        throw new IllegalArgumentException(
            "HSDS id "
                + record.id()
                + " is a "
                + before.type().schemaName()
                + ", not a "
                + record.type().schemaName());
      } else if (before.document().equals(record.document())) {
        unchanged.merge(record.type(), 1, Integer::sum);
      } else {
        updated.merge(record.type(), 1, Integer::sum);
        changed.add(record);
        revised.add(record);
        fieldChanges.addAll(diff(before, record));
      }
    }
    Map<UUID, UUID> owners = owners(changed);
    List<HsdsRecord> metadata = new ArrayList<>();
    String date = at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    for (FieldChange change : fieldChanges) {
      metadata.add(metadataRecord(change, "update", date, updatedBy));
      owners.put(metadata.getLast().id(), owners.get(change.resourceId()));
    }
    // New records and their metadata go straight into the table; only revised ones need the
    // upsert through the staging table. Writers of given ids are serialized by the import's
    // advisory lock, so no other transaction creates one of these ids in between.
    fresh.addAll(metadata);
    copyNew(fresh, owners, at);
    copyIn(revised, List.of(), owners, at);
    return new WriteSummary(created, updated, unchanged, List.copyOf(changed), fieldChanges);
  }

  /**
   * Deletes records, with an HSDS metadata row for each, and keeps their history: the metadata rows
   * stay. Runs inside the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void delete(Collection<HsdsRecord> records, String updatedBy, Instant at) {
    if (records.isEmpty()) {
      return;
    }
    Map<UUID, UUID> owners = owners(records);
    String date = at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    List<HsdsRecord> metadata = new ArrayList<>();
    for (HsdsRecord record : records) {
      metadata.add(
          metadataRecord(
              new FieldChange(record.id(), record.type(), "", "", ""), "delete", date, updatedBy));
      owners.put(metadata.getLast().id(), owners.get(record.id()));
    }
    jdbc.sql("DELETE FROM directory_record WHERE id = ANY(:ids)")
        .param("ids", records.stream().map(HsdsRecord::id).toArray(UUID[]::new))
        .update();
    copyNew(metadata, owners, at);
  }

  private static List<FieldChange> diff(HsdsRecord before, HsdsRecord after) {
    Set<String> fields = new TreeSet<>(before.document().propertyNames());
    fields.addAll(after.document().propertyNames());
    List<FieldChange> changes = new ArrayList<>();
    for (String field : fields) {
      JsonNode previous = before.document().get(field);
      JsonNode replacement = after.document().get(field);
      if (!Objects.equals(previous, replacement)) {
        changes.add(
            new FieldChange(
                after.id(),
                after.type(),
                field,
                before.text(field).orElse(""),
                after.text(field).orElse("")));
      }
    }
    return changes;
  }

  private static HsdsRecord metadataRecord(
      FieldChange change, String action, String date, String updatedBy) {
    ObjectNode document = JSON.createObjectNode();
    UUID id = UUID.randomUUID();
    document.put("id", id.toString());
    document.put("resource_id", change.resourceId().toString());
    document.put("resource_type", change.resourceType().schemaName());
    document.put("last_action_date", date);
    document.put("last_action_type", action);
    document.put("field_name", change.field());
    document.put("previous_value", change.previous());
    document.put("replacement_value", change.replacement());
    document.put("updated_by", updatedBy);
    return new HsdsRecord(HsdsType.METADATA, id, document);
  }

  /**
   * The directory organization each record belongs to: an organization itself, or whatever its
   * pointers lead to, looked up in the batch first and then among stored records.
   */
  private Map<UUID, UUID> owners(Collection<HsdsRecord> records) {
    Map<UUID, HsdsRecord> batch = new HashMap<>();
    records.forEach(record -> batch.put(record.id(), record));
    Map<UUID, UUID> owners = new HashMap<>();
    Set<UUID> unresolved = new HashSet<>();
    for (HsdsRecord record : records) {
      owners.put(record.id(), ownerInBatch(record, batch, unresolved, new HashSet<>()));
    }
    unresolved.removeAll(batch.keySet());
    if (!unresolved.isEmpty()) {
      Map<UUID, UUID> storedOwners = new HashMap<>();
      for (List<UUID> chunk : chunks(unresolved)) {
        jdbc.sql("SELECT id, organization_id FROM directory_record WHERE id = ANY(:ids)")
            .param("ids", chunk.toArray(UUID[]::new))
            .query(
                rs -> {
                  UUID owner = rs.getObject(2, UUID.class);
                  if (owner != null) {
                    storedOwners.put(rs.getObject(1, UUID.class), owner);
                  }
                });
      }
      for (HsdsRecord record : records) {
        if (owners.get(record.id()) == null) {
          owners.put(record.id(), ownerWith(record, batch, storedOwners, new HashSet<>()));
        }
      }
    }
    return owners;
  }

  private static UUID ownerInBatch(
      HsdsRecord record, Map<UUID, HsdsRecord> batch, Set<UUID> unresolved, Set<UUID> seen) {
    return ownerWith(record, batch, Map.of(), seen, unresolved);
  }

  private static UUID ownerWith(
      HsdsRecord record, Map<UUID, HsdsRecord> batch, Map<UUID, UUID> stored, Set<UUID> seen) {
    return ownerWith(record, batch, stored, seen, new HashSet<>());
  }

  private static UUID ownerWith(
      HsdsRecord record,
      Map<UUID, HsdsRecord> batch,
      Map<UUID, UUID> stored,
      Set<UUID> seen,
      Set<UUID> unresolved) {
    if (record.type() == HsdsType.ORGANIZATION) {
      return record.id();
    }
    if (record.type() == HsdsType.TAXONOMY || record.type() == HsdsType.TAXONOMY_TERM) {
      return null;
    }
    if (!seen.add(record.id())) {
      return null;
    }
    Optional<UUID> direct = record.reference("organization_id");
    if (direct.isPresent()) {
      return direct.get();
    }
    for (String field : record.type().references()) {
      Optional<UUID> target = record.reference(field);
      if (target.isEmpty() || field.equals("taxonomy_term_id")) {
        continue;
      }
      HsdsRecord parent = batch.get(target.get());
      UUID owner =
          parent != null
              ? ownerWith(parent, batch, stored, seen, unresolved)
              : stored.get(target.get());
      if (owner != null) {
        return owner;
      }
      if (parent == null) {
        unresolved.add(target.get());
      }
    }
    return null;
  }

  /** Copies records that do not exist yet straight into the table. */
  private void copyNew(List<HsdsRecord> records, Map<UUID, UUID> owners, Instant at) {
    if (records.isEmpty()) {
      return;
    }
    String stamp = at.toString();
    StringBuilder csv = new StringBuilder(records.size() * 450);
    for (HsdsRecord record : records) {
      appendRow(csv, record, owners);
      csv.append(',').append(stamp).append(',').append(stamp).append('\n');
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY directory_record (id, resource_type, document, links, organization_id,"
                  + " created_at, modified_at) FROM STDIN WITH (FORMAT csv)",
              new StringReader(csv.toString()));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write HSDS records", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** One record as CSV: id, type, document, links and owning organization, without a newline. */
  private static void appendRow(StringBuilder csv, HsdsRecord record, Map<UUID, UUID> owners) {
    csv.append(record.id()).append(',');
    csv.append(record.type().schemaName()).append(',');
    quote(csv, JSON.writeValueAsString(record.document())).append(',');
    csv.append('"')
        .append(
            record.links().stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
        .append("\",");
    UUID owner = owners.get(record.id());
    csv.append(owner == null ? "" : owner.toString());
  }

  private void copyIn(
      List<HsdsRecord> records, List<HsdsRecord> metadata, Map<UUID, UUID> owners, Instant at) {
    if (records.isEmpty() && metadata.isEmpty()) {
      return;
    }
    StringBuilder csv = new StringBuilder(records.size() * 400 + metadata.size() * 300);
    Timestamp now = Timestamp.from(at);
    for (List<HsdsRecord> group : List.of(records, metadata)) {
      for (HsdsRecord record : group) {
        appendRow(csv, record, owners);
        csv.append('\n');
      }
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      try (var statement = connection.createStatement()) {
        statement.execute(
            "CREATE TEMP TABLE IF NOT EXISTS directory_record_stage"
                + " (id UUID, resource_type TEXT, document JSONB, links UUID[], organization_id UUID)"
                + " ON COMMIT DELETE ROWS");
      }
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY directory_record_stage (id, resource_type, document, links, organization_id)"
                  + " FROM STDIN WITH (FORMAT csv)",
              new StringReader(csv.toString()));
      try (var statement =
          connection.prepareStatement(
              "INSERT INTO directory_record"
                  + " (id, resource_type, document, links, organization_id, created_at, modified_at)"
                  + " SELECT id, resource_type, document, links, organization_id, ?, ? FROM directory_record_stage"
                  + " ON CONFLICT (id) DO UPDATE SET document = excluded.document,"
                  + " links = excluded.links, organization_id = excluded.organization_id,"
                  + " modified_at = excluded.modified_at")) {
        statement.setTimestamp(1, now);
        statement.setTimestamp(2, now);
        statement.executeUpdate();
      }
      try (var statement = connection.createStatement()) {
        statement.execute("TRUNCATE directory_record_stage");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write HSDS records", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private static StringBuilder quote(StringBuilder csv, String value) {
    csv.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        csv.append('"');
      }
      csv.append(c);
    }
    return csv.append('"');
  }

  private static HsdsRecord read(String type, UUID id, String document) {
    return new HsdsRecord(
        HsdsType.bySchemaName(type).orElseThrow(), id, (ObjectNode) JSON.readTree(document));
  }

  private static <T> List<List<T>> chunks(Collection<T> items) {
    List<T> all = new ArrayList<>(items);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return chunks;
  }
}

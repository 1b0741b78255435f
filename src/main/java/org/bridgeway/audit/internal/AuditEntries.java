package org.bridgeway.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.audit.AuditQuery;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_entry} table: appends, the chain head, searches and the chain walk. */
@Repository
class AuditEntries {

  /**
   * The advisory lock key that serializes appends. Any constant works as long as no other code
   * takes the same one; this is "audit" spelled in ASCII.
   */
  static final long CHAIN_LOCK_KEY = 0x61_75_64_69_74L;

  private static final String COLUMNS =
      """
      seq, id, occurred_at, actor_ref, actor_user_id, organization_id, action, outcome,
      record_type, record_id, person_id, purpose, source_address, session_ref,
      details::text AS details_json, previous_hash, hash
      """;

  private final JdbcClient jdbc;

  AuditEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Waits until no other transaction is appending, and keeps others waiting until this one ends.
   * Must run inside a transaction: the lock is released at commit or rollback.
   */
  void lockChainUntilCommit() {
    jdbc.sql("SELECT true FROM pg_advisory_xact_lock(:key)")
        .param("key", CHAIN_LOCK_KEY)
        .query(Boolean.class)
        .single();
  }

  /** The hash of the last entry, or the genesis hash when the trail is empty. */
  String headHash() {
    return jdbc.sql("SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
        .query(String.class)
        .optional()
        .orElse(CanonicalEntry.GENESIS_HASH);
  }

  void append(CanonicalEntry entry, String previousHash, String hash) {
    jdbc.sql(
            """
            INSERT INTO audit_entry (id, occurred_at, actor_ref, actor_user_id, organization_id,
                action, outcome, record_type, record_id, person_id, purpose, source_address,
                session_ref, details, previous_hash, hash)
            VALUES (:id, :occurredAt, :actorRef, :actorUserId, :organizationId, :action, :outcome,
                :recordType, :recordId, :personId, :purpose, :sourceAddress, :sessionRef,
                CAST(:details AS jsonb), :previousHash, :hash)
            """)
        .param("id", entry.id())
        .param("occurredAt", entry.occurredAt().atOffset(ZoneOffset.UTC))
        .param("actorRef", entry.actorRef())
        .param("actorUserId", uuid(entry.actorUserId()))
        .param("organizationId", uuid(entry.organizationId()))
        .param("action", entry.action())
        .param("outcome", entry.outcome().name())
        .param("recordType", text(entry.recordType()))
        .param("recordId", uuid(entry.recordId()))
        .param("personId", uuid(entry.personId()))
        .param("purpose", text(entry.purpose()))
        .param("sourceAddress", text(entry.sourceAddress()))
        .param("sessionRef", text(entry.sessionRef()))
        .param("details", StoredEntry.detailsToJson(entry.details()))
        .param("previousHash", previousHash)
        .param("hash", hash)
        .update();
  }

  /**
   * One page of a search, newest first, plus one more row to tell whether an older page follows.
   *
   * @param organizationScope when not null, only entries of this organization, whatever the query
   *     asks
   */
  List<StoredEntry> search(AuditQuery query, UUID organizationScope) {
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_entry");
    Map<String, Object> params = new LinkedHashMap<>();
    String glue = " WHERE ";
    if (organizationScope != null) {
      sql.append(glue).append("organization_id = :scope");
      params.put("scope", organizationScope);
      glue = " AND ";
    }
    if (query.personId() != null) {
      sql.append(glue).append("person_id = :person");
      params.put("person", query.personId());
      glue = " AND ";
    }
    if (query.userId() != null) {
      sql.append(glue).append("actor_user_id = :user");
      params.put("user", query.userId());
      glue = " AND ";
    }
    if (query.organizationId() != null) {
      sql.append(glue).append("organization_id = :organization");
      params.put("organization", query.organizationId());
      glue = " AND ";
    }
    if (query.actionPrefix() != null) {
      sql.append(glue).append("action LIKE :action ESCAPE '\\'");
      params.put("action", likePrefix(query.actionPrefix()));
      glue = " AND ";
    }
    if (query.from() != null) {
      sql.append(glue).append("occurred_at >= :from");
      params.put("from", query.from().atOffset(ZoneOffset.UTC));
      glue = " AND ";
    }
    if (query.until() != null) {
      sql.append(glue).append("occurred_at < :until");
      params.put("until", query.until().atOffset(ZoneOffset.UTC));
    }
    sql.append(" ORDER BY occurred_at DESC, seq DESC LIMIT :limit OFFSET :offset");
    params.put("limit", AuditQuery.PAGE_SIZE + 1);
    params.put("offset", (long) query.page() * AuditQuery.PAGE_SIZE);
    return jdbc.sql(sql.toString()).params(params).query(AuditEntries::map).list();
  }

  /** Up to {@code limit} entries after {@code seq}, in chain order. */
  List<StoredEntry> after(long seq, int limit) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM audit_entry WHERE seq > :seq ORDER BY seq LIMIT :limit")
        .param("seq", seq)
        .param("limit", limit)
        .query(AuditEntries::map)
        .list();
  }

  // Typed, so that a null is sent with its type instead of the driver being asked for it first.
  private static SqlParameterValue uuid(UUID value) {
    return new SqlParameterValue(Types.OTHER, "uuid", value);
  }

  private static SqlParameterValue text(String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static StoredEntry map(ResultSet row, int number) throws SQLException {
    return new StoredEntry(
        row.getLong("seq"),
        row.getObject("id", UUID.class),
        row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        row.getString("actor_ref"),
        row.getObject("actor_user_id", UUID.class),
        row.getObject("organization_id", UUID.class),
        row.getString("action"),
        row.getString("outcome"),
        row.getString("record_type"),
        row.getObject("record_id", UUID.class),
        row.getObject("person_id", UUID.class),
        row.getString("purpose"),
        row.getString("source_address"),
        row.getString("session_ref"),
        row.getString("details_json"),
        row.getString("previous_hash"),
        row.getString("hash"));
  }
}

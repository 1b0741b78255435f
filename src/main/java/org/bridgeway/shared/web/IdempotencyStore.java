package org.bridgeway.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code api_idempotency} table: one row per caller and key, holding the request's hash and,
 * once the request has been answered, the answer. A row without a status is a request still being
 * processed. Every statement commits on its own, outside any transaction of the request.
 */
class IdempotencyStore {

  /** What a request with a key finds. */
  sealed interface Claim {}

  /** No earlier request with this key: this one runs, and its answer will be stored. */
  record Started() implements Claim {}

  /** An earlier request with this key and the same content is still being processed. */
  record InProgress() implements Claim {}

  /** An earlier request used this key for different content. */
  record DifferentRequest() implements Claim {}

  /** An earlier request with this key and the same content was answered so. */
  record Answered(int status, String contentType, byte[] body) implements Claim {}

  private record Row(String requestHash, Integer status, String contentType, byte[] body) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration lifetime;

  IdempotencyStore(JdbcClient jdbc, Clock clock, Duration lifetime) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  Claim claim(String scope, String key, String requestHash) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    // One statement claims a new key or an expired one (which may be used again), so that a write
    // with a key costs one round trip here; other expired rows are purged by a recurring task
    // (purgeExpired) instead of on every request. A row that vanishes between the insert and the
    // select belonged to a request that failed and was abandoned: try again to claim the key.
    for (int attempt = 0; attempt < 3; attempt++) {
      int claimed =
          jdbc.sql(
                  """
                  INSERT INTO api_idempotency (scope, idempotency_key, request_hash, created_at)
                  VALUES (:scope, :key, :hash, :now)
                  ON CONFLICT (scope, idempotency_key) DO UPDATE
                     SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
                         status = NULL, content_type = NULL, body = NULL, completed_at = NULL
                   WHERE api_idempotency.created_at <= :cutoff
                  """)
              .param("scope", scope)
              .param("key", key)
              .param("hash", requestHash)
              .param("now", now)
              .param("cutoff", now.minus(lifetime))
              .update();
      if (claimed == 1) {
        return new Started();
      }
      Optional<Row> existing = find(scope, key);
      if (existing.isPresent()) {
        Row row = existing.get();
        if (!row.requestHash().equals(requestHash)) {
          return new DifferentRequest();
        }
        if (row.status() == null) {
          return new InProgress();
        }
        return new Answered(row.status(), row.contentType(), row.body());
      }
    }
    return new InProgress();
  }

  /**
   * Deletes every expired key, of every caller.
   *
   * @return how many were deleted
   */
  int purgeExpired() {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    return jdbc.sql("DELETE FROM api_idempotency WHERE created_at <= :cutoff")
        .param("cutoff", now.minus(lifetime))
        .update();
  }

  void answered(String scope, String key, int status, String contentType, byte[] body) {
    jdbc.sql(
            """
            UPDATE api_idempotency
               SET status = :status, content_type = :contentType, body = :body,
                   completed_at = :now
             WHERE scope = :scope AND idempotency_key = :key
            """)
        .param("status", status)
        .param("contentType", contentType)
        .param("body", body)
        .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .param("scope", scope)
        .param("key", key)
        .update();
  }

  /** Forgets the key, so that a retry runs the request again. */
  void abandon(String scope, String key) {
    jdbc.sql("DELETE FROM api_idempotency WHERE scope = :scope AND idempotency_key = :key")
        .param("scope", scope)
        .param("key", key)
        .update();
  }

  private Optional<Row> find(String scope, String key) {
    return jdbc.sql(
            """
            SELECT request_hash, status, content_type, body FROM api_idempotency
             WHERE scope = :scope AND idempotency_key = :key
            """)
        .param("scope", scope)
        .param("key", key)
        .query(
            (rs, n) ->
                new Row(
                    rs.getString("request_hash"),
                    rs.getObject("status", Integer.class),
                    rs.getString("content_type"),
                    rs.getBytes("body")))
        .optional();
  }
}

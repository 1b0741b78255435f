package org.bridgeway.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.bridgeway.audit.AuditOutcome;

/**
 * The fields of an audit entry that its hash covers, in the one canonical form that both writing
 * and verification use. Everything the database stores about an entry is covered except {@code seq}
 * (the chain itself orders entries) and the hashes.
 *
 * <p>The constructor brings values to exactly what PostgreSQL will store and give back, so that an
 * entry re-read from the database hashes the same: the time is truncated to microseconds, details
 * are sorted by key, and characters PostgreSQL cannot store in text (NUL, unpaired surrogates) are
 * replaced by U+FFFD. Doing this here rather than in the writer means the hash can never cover a
 * value the database silently changed.
 */
record CanonicalEntry(
    UUID id,
    Instant occurredAt,
    String actorRef,
    UUID actorUserId,
    UUID organizationId,
    String action,
    AuditOutcome outcome,
    String recordType,
    UUID recordId,
    UUID personId,
    String purpose,
    String sourceAddress,
    String sessionRef,
    SortedMap<String, String> details) {

  /** The previous hash of the first entry. */
  static final String GENESIS_HASH = "0".repeat(64);

  /** Names the format, so that a later change of it can be told apart from tampering. */
  private static final String FORMAT = "bridgeway-audit-v1";

  CanonicalEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(outcome, "outcome");
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    actorRef = storable(Objects.requireNonNull(actorRef, "actorRef"));
    action = storable(Objects.requireNonNull(action, "action"));
    recordType = storable(recordType);
    purpose = storable(purpose);
    sourceAddress = storable(sourceAddress);
    sessionRef = storable(sessionRef);
    SortedMap<String, String> sorted = new TreeMap<>();
    if (details != null) {
      details.forEach(
          (key, value) ->
              sorted.put(
                  storable(Objects.requireNonNull(key, "detail key")),
                  storable(Objects.requireNonNull(value, "detail value"))));
    }
    details = Collections.unmodifiableSortedMap(sorted);
  }

  /**
   * One line per field in a fixed order, each value either {@code -} for null or its length in
   * UTF-16 units, a colon and the value. The length prefix makes the form unambiguous whatever
   * characters the values hold; times are epoch microseconds, the precision PostgreSQL keeps.
   */
  String canonicalForm() {
    StringBuilder form = new StringBuilder(512).append(FORMAT).append('\n');
    field(form, "id", id);
    field(form, "occurred_at", epochMicros(occurredAt));
    field(form, "actor_ref", actorRef);
    field(form, "actor_user_id", actorUserId);
    field(form, "organization_id", organizationId);
    field(form, "action", action);
    field(form, "outcome", outcome.name());
    field(form, "record_type", recordType);
    field(form, "record_id", recordId);
    field(form, "person_id", personId);
    field(form, "purpose", purpose);
    field(form, "source_address", sourceAddress);
    field(form, "session_ref", sessionRef);
    field(form, "details", details.size());
    for (Map.Entry<String, String> detail : details.entrySet()) {
      field(form, "detail_key", detail.getKey());
      field(form, "detail_value", detail.getValue());
    }
    return form.toString();
  }

  /** SHA-256, in lower-case hex, of the previous entry's hash followed by this canonical form. */
  String chainHash(String previousHash) {
    Objects.requireNonNull(previousHash, "previousHash");
    return sha256Hex(previousHash + canonicalForm());
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  static long epochMicros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  private static void field(StringBuilder form, String name, Object value) {
    form.append(name).append('=');
    if (value == null) {
      form.append('-');
    } else {
      String text = value.toString();
      form.append(text.length()).append(':').append(text);
    }
    form.append('\n');
  }

  private static String storable(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder clean = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean pairedHigh =
          Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1));
      if (pairedHigh) {
        if (clean != null) {
          clean.append(c).append(value.charAt(i + 1));
        }
        i++;
      } else if (c == '\0' || Character.isSurrogate(c)) {
        if (clean == null) {
          clean = new StringBuilder(value.length()).append(value, 0, i);
        }
        clean.append('\uFFFD');
      } else if (clean != null) {
        clean.append(c);
      }
    }
    return clean == null ? value : clean.toString();
  }
}

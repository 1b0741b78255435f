package org.bridgeway.audit.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bridgeway.audit.AuditEntry;
import org.bridgeway.audit.AuditOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A row of {@code audit_entry} as read, with the columns a tamperer could have set to anything
 * (outcome, details) still raw, so that verification can report an undecodable row as a broken link
 * instead of failing.
 */
record StoredEntry(
    long seq,
    UUID id,
    Instant occurredAt,
    String actorRef,
    UUID actorUserId,
    UUID organizationId,
    String action,
    String outcome,
    String recordType,
    UUID recordId,
    UUID personId,
    String purpose,
    String sourceAddress,
    String sessionRef,
    String detailsJson,
    String previousHash,
    String hash) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The fields as they were hashed when written.
   *
   * @throws IllegalArgumentException when the row holds values the application never writes
   */
  CanonicalEntry canonical() {
    return new CanonicalEntry(
        id,
        occurredAt,
        actorRef,
        actorUserId,
        organizationId,
        action,
        AuditOutcome.valueOf(outcome),
        recordType,
        recordId,
        personId,
        purpose,
        sourceAddress,
        sessionRef,
        new TreeMap<>(details(detailsJson)));
  }

  AuditEntry toEntry() {
    return new AuditEntry(
        seq,
        id,
        occurredAt,
        actorRef,
        actorUserId,
        organizationId,
        action,
        AuditOutcome.valueOf(outcome),
        recordType,
        recordId,
        personId,
        purpose,
        sourceAddress,
        sessionRef,
        details(detailsJson));
  }

  static String detailsToJson(Map<String, String> details) {
    return JSON.writeValueAsString(details);
  }

  /** Reads a flat object of strings; anything else was not written by the application. */
  static Map<String, String> details(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("details are not JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("details are not a JSON object");
    }
    Map<String, String> details = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      if (!property.getValue().isString()) {
        throw new IllegalArgumentException("detail " + property.getKey() + " is not a string");
      }
      details.put(property.getKey(), property.getValue().stringValue());
    }
    return details;
  }
}

package org.bridgeway.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bridgeway.shared.security.Actor;

/**
 * One thing to audit. Build it with {@link #success(String)}, {@link #failure(String)} or {@link
 * #denied(String)} and the {@code with...} methods. Never put protected content (names, notes,
 * health details) in it: ids and codes only.
 *
 * @param action a dotted code such as {@code identity.sign-in} or {@code admin.user.disable}
 * @param recordType the kind of record acted on, such as {@code user}; null if none
 * @param recordId the record acted on; null if none
 * @param personId the person on supervision whose record this is; null if none
 * @param purpose the purpose of use where the user gave one
 * @param actor who acted, when not the current request's principal (a failed sign-in, a job)
 * @param details further codes (never protected content), for example a reason code
 */
public record AuditEvent(
    String action,
    AuditOutcome outcome,
    String recordType,
    UUID recordId,
    UUID personId,
    String purpose,
    Actor actor,
    Map<String, String> details) {

  public AuditEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public static AuditEvent success(String action) {
    return new AuditEvent(action, AuditOutcome.SUCCESS, null, null, null, null, null, Map.of());
  }

  public static AuditEvent failure(String action) {
    return new AuditEvent(action, AuditOutcome.FAILURE, null, null, null, null, null, Map.of());
  }

  public static AuditEvent denied(String action) {
    return new AuditEvent(action, AuditOutcome.DENIED, null, null, null, null, null, Map.of());
  }

  public AuditEvent withRecord(String type, UUID id) {
    return new AuditEvent(action, outcome, type, id, personId, purpose, actor, details);
  }

  public AuditEvent withPerson(UUID person) {
    return new AuditEvent(action, outcome, recordType, recordId, person, purpose, actor, details);
  }

  public AuditEvent withPurpose(String purposeOfUse) {
    return new AuditEvent(
        action, outcome, recordType, recordId, personId, purposeOfUse, actor, details);
  }

  public AuditEvent withActor(Actor acting) {
    return new AuditEvent(
        action, outcome, recordType, recordId, personId, purpose, acting, details);
  }

  public AuditEvent withDetail(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(details);
    more.put(key, value);
    return new AuditEvent(action, outcome, recordType, recordId, personId, purpose, actor, more);
  }
}

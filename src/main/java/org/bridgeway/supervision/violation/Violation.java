package org.bridgeway.supervision.violation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.ViolationId;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A violation of the terms of supervision on a case, {@link #record recorded} on an open case and
 * then answered with graduated {@link #respond responses}. It keeps the case's level at the time,
 * which with its severity picks the suggested response range.
 */
@Table("supervision_violation")
public class Violation {

  /** The longest description, note or reason, in characters. */
  public static final int MAX_TEXT = 4000;

  /** The longest reason for a sanction outside the range, in characters. */
  public static final int MAX_REASON = 1000;

  @Id private final ViolationId id;
  private final CaseId caseId;
  private ConditionId conditionId;
  private LocalDate occurredOn;
  private ViolationKind kind;
  private ViolationSeverity severity;
  private String description;
  private SupervisionLevel level;
  private String recordedBy;
  private final Instant recordedAt;

  @MappedCollection(idColumn = "violation_id", keyColumn = "position")
  private List<ViolationResponse> responses;

  @Version private Long version;

  @PersistenceCreator
  Violation(ViolationId id, CaseId caseId, Instant recordedAt, Long version) {
    this.id = id;
    this.caseId = caseId;
    this.recordedAt = recordedAt;
    this.version = version;
  }

  /**
   * Records a violation on an open case.
   *
   * @param condition the condition of the same case it relates to, or null
   * @throws IllegalStateException if the case is closed
   * @throws IllegalArgumentException if the condition is of another case
   */
  public static Violation record(
      ViolationId id,
      SupervisionCase onCase,
      Condition condition,
      LocalDate occurredOn,
      ViolationKind kind,
      ViolationSeverity severity,
      String description,
      String by,
      Instant at) {
    if (!onCase.isOpen()) {
      throw new IllegalStateException("A violation cannot be recorded on a closed case");
    }
    if (condition != null && !condition.caseId().equals(onCase.id())) {
      throw new IllegalArgumentException("The condition belongs to another case");
    }
    Violation violation = new Violation(Objects.requireNonNull(id), onCase.id(), at, null);
    violation.conditionId = condition == null ? null : condition.id();
    violation.occurredOn = Objects.requireNonNull(occurredOn, "occurredOn");
    violation.kind = Objects.requireNonNull(kind, "kind");
    violation.severity = Objects.requireNonNull(severity, "severity");
    violation.description = text(description, MAX_TEXT, true);
    violation.level = onCase.level();
    violation.recordedBy = Objects.requireNonNull(by);
    violation.responses = new ArrayList<>();
    return violation;
  }

  /**
   * Records a sanction given in response, within the suggested range or, with a reason, outside it.
   *
   * @throws IllegalArgumentException if the sanction is outside the range without a reason, or it
   *     was given before the violation
   */
  public ViolationResponse respond(
      Sanction sanction,
      LocalDate on,
      String note,
      ResponseRange range,
      String reason,
      String by,
      Instant at) {
    Objects.requireNonNull(sanction, "sanction");
    Objects.requireNonNull(on, "respondedOn");
    if (on.isBefore(occurredOn)) {
      throw new IllegalArgumentException("A response cannot come before the violation");
    }
    boolean within = range.allows(sanction);
    String why = text(reason, MAX_REASON, false);
    if (!within && why == null) {
      throw new IllegalArgumentException("A sanction outside the suggested range needs a reason");
    }
    ViolationResponse response =
        new ViolationResponse(
            sanction, on, text(note, MAX_TEXT, false), within, within ? null : why, by, at);
    List<ViolationResponse> all = new ArrayList<>(responses);
    all.add(response);
    responses = all;
    return response;
  }

  /** Whether no response has been given yet. */
  public boolean open() {
    return responses.isEmpty();
  }

  private static String text(String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new IllegalArgumentException("Text is required");
      }
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new IllegalArgumentException("Text has at most " + max + " characters");
    }
    return stripped;
  }

  public ViolationId id() {
    return id;
  }

  public CaseId caseId() {
    return caseId;
  }

  public ConditionId conditionId() {
    return conditionId;
  }

  public LocalDate occurredOn() {
    return occurredOn;
  }

  public ViolationKind kind() {
    return kind;
  }

  public ViolationSeverity severity() {
    return severity;
  }

  public String description() {
    return description;
  }

  public SupervisionLevel level() {
    return level;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public List<ViolationResponse> responses() {
    return List.copyOf(responses);
  }

  public Long version() {
    return version;
  }
}

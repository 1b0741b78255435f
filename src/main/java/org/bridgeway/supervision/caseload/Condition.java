package org.bridgeway.supervision.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A condition of supervision on a case, standard or special, with its compliance status and dated
 * notes. Its own aggregate, so that recording compliance does not conflict with a transfer of the
 * case.
 */
@Table("supervision_condition")
public class Condition {

  /** The longest note, in characters. */
  public static final int MAX_NOTE = 4000;

  @Id private final ConditionId id;
  private final CaseId caseId;
  private ConditionKind kind;
  private boolean special;
  private String description;
  private ConditionStatus status;
  private final Instant createdAt;
  private Instant updatedAt;

  @MappedCollection(idColumn = "condition_id", keyColumn = "position")
  private List<ConditionNote> notes;

  @Version private Long version;

  @PersistenceCreator
  Condition(ConditionId id, CaseId caseId, Instant createdAt, Long version) {
    this.id = id;
    this.caseId = caseId;
    this.createdAt = createdAt;
    this.version = version;
  }

  /** Sets a condition on an open case; it starts as {@link ConditionStatus#PENDING}. */
  public static Condition set(
      ConditionId id,
      SupervisionCase onCase,
      ConditionKind kind,
      boolean special,
      String description,
      Instant at) {
    if (!onCase.isOpen()) {
      throw new IllegalStateException("A closed case takes no new conditions");
    }
    Condition condition = new Condition(Objects.requireNonNull(id), onCase.id(), at, null);
    condition.kind = Objects.requireNonNull(kind, "kind");
    condition.special = special;
    condition.description = requireText(description);
    condition.status = ConditionStatus.PENDING;
    condition.updatedAt = at;
    condition.notes = new ArrayList<>();
    return condition;
  }

  /**
   * Records where the person stands with the condition. A satisfied condition stays satisfied.
   *
   * @throws IllegalStateException if the condition is satisfied and the status is another
   */
  public void record(ConditionStatus newStatus, Instant at) {
    Objects.requireNonNull(newStatus, "status");
    if (status == ConditionStatus.SATISFIED && newStatus != ConditionStatus.SATISFIED) {
      throw new IllegalStateException("A satisfied condition cannot become " + newStatus);
    }
    status = newStatus;
    updatedAt = at;
  }

  /** Rewords the condition, as the court amended it. */
  public void amend(ConditionKind newKind, boolean isSpecial, String newDescription, Instant at) {
    kind = Objects.requireNonNull(newKind, "kind");
    special = isSpecial;
    description = requireText(newDescription);
    updatedAt = at;
  }

  /** Adds a dated note. */
  public void note(LocalDate notedOn, String text, String by, Instant at) {
    Objects.requireNonNull(notedOn, "notedOn");
    String body = requireText(text);
    if (body.length() > MAX_NOTE) {
      throw new IllegalArgumentException("A note has at most " + MAX_NOTE + " characters");
    }
    List<ConditionNote> all = new ArrayList<>(notes);
    all.add(new ConditionNote(notedOn, body, by, at));
    notes = all;
    updatedAt = at;
  }

  private static String requireText(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Text is required");
    }
    return text.strip();
  }

  public ConditionId id() {
    return id;
  }

  public CaseId caseId() {
    return caseId;
  }

  public ConditionKind kind() {
    return kind;
  }

  public boolean special() {
    return special;
  }

  public String description() {
    return description;
  }

  public ConditionStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public List<ConditionNote> notes() {
    return List.copyOf(notes);
  }

  public Long version() {
    return version;
  }
}

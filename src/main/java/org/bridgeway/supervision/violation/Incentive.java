package org.bridgeway.supervision.violation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.IncentiveId;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An incentive given to a person on an open case, recorded once. */
@Table("supervision_incentive")
public class Incentive {

  @Id private final IncentiveId id;
  private final CaseId caseId;
  private IncentiveKind kind;
  private LocalDate givenOn;
  private String note;
  private String recordedBy;
  private final Instant recordedAt;
  @Version private Long version;

  @PersistenceCreator
  Incentive(IncentiveId id, CaseId caseId, Instant recordedAt, Long version) {
    this.id = id;
    this.caseId = caseId;
    this.recordedAt = recordedAt;
    this.version = version;
  }

  /**
   * Records an incentive on an open case.
   *
   * @throws IllegalStateException if the case is closed
   */
  public static Incentive give(
      IncentiveId id,
      SupervisionCase onCase,
      IncentiveKind kind,
      LocalDate on,
      String note,
      String by,
      Instant at) {
    if (!onCase.isOpen()) {
      throw new IllegalStateException("An incentive cannot be recorded on a closed case");
    }
    Incentive incentive = new Incentive(Objects.requireNonNull(id), onCase.id(), at, null);
    incentive.kind = Objects.requireNonNull(kind, "kind");
    incentive.givenOn = Objects.requireNonNull(on, "givenOn");
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > Violation.MAX_TEXT) {
      throw new IllegalArgumentException(
          "A note has at most " + Violation.MAX_TEXT + " characters");
    }
    incentive.note = text;
    incentive.recordedBy = Objects.requireNonNull(by);
    return incentive;
  }

  public IncentiveId id() {
    return id;
  }

  public CaseId caseId() {
    return caseId;
  }

  public IncentiveKind kind() {
    return kind;
  }

  public LocalDate givenOn() {
    return givenOn;
  }

  public String note() {
    return note;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public Long version() {
    return version;
  }
}

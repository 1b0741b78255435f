package org.bridgeway.supervision.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.office.OfficeId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A supervision case: the court case or sentence under which a person is supervised, by one officer
 * of one office at a time. Opened with {@link #open}, moved between officers and offices with
 * {@link #transferTo} (which keeps the history), ended with {@link #close}. A closed case changes
 * no more.
 */
@Table("supervision_case")
public class SupervisionCase {

  @Id private final CaseId id;
  private final OrganizationId organizationId;
  private final PersonId personId;
  private SupervisionType supervisionType;
  private String court;
  private String docketNumber;
  private LocalDate startDate;
  private LocalDate expectedEndDate;
  private SupervisionLevel level;
  private UserId officerId;
  private OfficeId officeId;
  private CaseStatus status;
  private LocalDate closedOn;
  private ClosureReason closureReason;
  private final Instant createdAt;

  @MappedCollection(idColumn = "case_id", keyColumn = "position")
  private List<Offense> offenses;

  @MappedCollection(idColumn = "case_id", keyColumn = "position")
  private List<Assignment> assignments;

  @Version private Long version;

  @PersistenceCreator
  SupervisionCase(
      CaseId id,
      OrganizationId organizationId,
      PersonId personId,
      Instant createdAt,
      Long version) {
    this.id = id;
    this.organizationId = organizationId;
    this.personId = personId;
    this.createdAt = createdAt;
    this.version = version;
  }

  /** What a case is opened with. */
  public record Terms(
      SupervisionType supervisionType,
      String court,
      String docketNumber,
      LocalDate startDate,
      LocalDate expectedEndDate,
      SupervisionLevel level,
      List<Offense> offenses) {

    public Terms {
      Objects.requireNonNull(supervisionType, "supervisionType");
      Objects.requireNonNull(startDate, "startDate");
      Objects.requireNonNull(expectedEndDate, "expectedEndDate");
      Objects.requireNonNull(level, "level");
      if (court == null || court.isBlank() || docketNumber == null || docketNumber.isBlank()) {
        throw new IllegalArgumentException("A case needs a court and a docket number");
      }
      if (!expectedEndDate.isAfter(startDate)) {
        throw new IllegalArgumentException("A case's expected end must be after its start");
      }
      offenses = offenses == null ? List.of() : List.copyOf(offenses);
    }
  }

  /**
   * Opens a case of a person, assigned to an officer of an office.
   *
   * @param by actor reference of who opened it
   */
  public static SupervisionCase open(
      CaseId id,
      OrganizationId agency,
      PersonId person,
      Terms terms,
      UserId officer,
      OfficeId office,
      String by,
      Instant at) {
    SupervisionCase supervisionCase =
        new SupervisionCase(
            Objects.requireNonNull(id),
            Objects.requireNonNull(agency),
            Objects.requireNonNull(person),
            at,
            null);
    supervisionCase.supervisionType = terms.supervisionType();
    supervisionCase.court = terms.court().strip();
    supervisionCase.docketNumber = terms.docketNumber().strip();
    supervisionCase.startDate = terms.startDate();
    supervisionCase.expectedEndDate = terms.expectedEndDate();
    supervisionCase.level = terms.level();
    supervisionCase.offenses = new ArrayList<>(terms.offenses());
    supervisionCase.officerId = Objects.requireNonNull(officer, "officer");
    supervisionCase.officeId = Objects.requireNonNull(office, "office");
    supervisionCase.status = CaseStatus.OPEN;
    supervisionCase.assignments =
        new ArrayList<>(List.of(new Assignment(officer, office, at, by, null)));
    return supervisionCase;
  }

  /**
   * Moves the case to another officer, or to another office and an officer of it, keeping who had
   * it before and where.
   *
   * @throws IllegalStateException if the case is closed
   * @throws IllegalArgumentException if the case is already the officer's at that office
   */
  public void transferTo(UserId officer, OfficeId office, String reason, String by, Instant at) {
    requireOpen("transferred");
    Objects.requireNonNull(officer, "officer");
    Objects.requireNonNull(office, "office");
    if (officer.equals(officerId) && office.equals(officeId)) {
      throw new IllegalArgumentException("The case is already assigned to this officer");
    }
    officerId = officer;
    officeId = office;
    List<Assignment> history = new ArrayList<>(assignments);
    history.add(
        new Assignment(
            officer, office, at, by, reason == null || reason.isBlank() ? null : reason.strip()));
    assignments = history;
  }

  /**
   * Ends supervision under this case.
   *
   * @throws IllegalStateException if the case is already closed
   * @throws IllegalArgumentException if the day is before the case started
   */
  public void close(ClosureReason reason, LocalDate on) {
    requireOpen("closed");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(on, "on");
    if (on.isBefore(startDate)) {
      throw new IllegalArgumentException("A case cannot close before it started");
    }
    status = CaseStatus.CLOSED;
    closureReason = reason;
    closedOn = on;
  }

  /** Changes how closely the person is supervised. */
  public void changeLevel(SupervisionLevel newLevel) {
    requireOpen("changed");
    level = Objects.requireNonNull(newLevel);
  }

  public boolean isOpen() {
    return status == CaseStatus.OPEN;
  }

  private void requireOpen(String action) {
    if (!isOpen()) {
      throw new IllegalStateException("A closed case cannot be " + action);
    }
  }

  public CaseId id() {
    return id;
  }

  public OrganizationId organizationId() {
    return organizationId;
  }

  public PersonId personId() {
    return personId;
  }

  public SupervisionType supervisionType() {
    return supervisionType;
  }

  public String court() {
    return court;
  }

  public String docketNumber() {
    return docketNumber;
  }

  public LocalDate startDate() {
    return startDate;
  }

  public LocalDate expectedEndDate() {
    return expectedEndDate;
  }

  public SupervisionLevel level() {
    return level;
  }

  public UserId officerId() {
    return officerId;
  }

  public OfficeId officeId() {
    return officeId;
  }

  public CaseStatus status() {
    return status;
  }

  public LocalDate closedOn() {
    return closedOn;
  }

  public ClosureReason closureReason() {
    return closureReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<Offense> offenses() {
    return List.copyOf(offenses);
  }

  public List<Assignment> assignments() {
    return List.copyOf(assignments);
  }

  public Long version() {
    return version;
  }
}

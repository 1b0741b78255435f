package org.bridgeway.supervision.contact;

import java.time.Instant;
import java.util.Objects;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ContactId;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A contact between an officer and a person on supervision: {@link #schedule scheduled} on an open
 * case, then {@link #record recorded} once with what happened. A recorded contact changes no more.
 */
@Table("supervision_contact")
public class Contact {

  /** The longest notes, in characters. */
  public static final int MAX_NOTES = 4000;

  /** The longest location, in characters. */
  public static final int MAX_LOCATION = 300;

  @Id private final ContactId id;
  private final CaseId caseId;
  private ContactKind kind;
  private Instant scheduledFor;
  private String location;
  private String scheduledBy;
  private Instant happenedAt;
  private ContactOutcome outcome;
  private String notes;
  private UserId officerId;
  private String recordedBy;
  private Instant recordedAt;
  private final Instant createdAt;
  @Version private Long version;

  @PersistenceCreator
  Contact(ContactId id, CaseId caseId, Instant createdAt, Long version) {
    this.id = id;
    this.caseId = caseId;
    this.createdAt = createdAt;
    this.version = version;
  }

  /**
   * Plans a contact on an open case.
   *
   * @param location where, as free text, or null
   * @throws IllegalStateException if the case is closed
   */
  public static Contact schedule(
      ContactId id,
      SupervisionCase onCase,
      ContactKind kind,
      Instant scheduledFor,
      String location,
      String by,
      Instant at) {
    if (!onCase.isOpen()) {
      throw new IllegalStateException("A contact cannot be scheduled on a closed case");
    }
    Contact contact = new Contact(Objects.requireNonNull(id), onCase.id(), at, null);
    contact.kind = Objects.requireNonNull(kind, "kind");
    contact.scheduledFor = Objects.requireNonNull(scheduledFor, "scheduledFor");
    String place = location == null || location.isBlank() ? null : location.strip();
    if (place != null && place.length() > MAX_LOCATION) {
      throw new IllegalArgumentException("A location has at most " + MAX_LOCATION + " characters");
    }
    contact.location = place;
    contact.scheduledBy = Objects.requireNonNull(by);
    return contact;
  }

  /**
   * Records what happened, once.
   *
   * @param now the present: a contact cannot be recorded as happening after it
   * @throws IllegalStateException if the contact was already recorded
   * @throws IllegalArgumentException if it happened in the future or the notes are too long
   */
  public void record(
      Instant when, ContactOutcome result, String text, UserId officer, String by, Instant now) {
    if (isRecorded()) {
      throw new IllegalStateException("The contact was already recorded");
    }
    Objects.requireNonNull(when, "happenedAt");
    if (when.isAfter(now)) {
      throw new IllegalArgumentException("A contact cannot be recorded as happening in the future");
    }
    String body = text == null || text.isBlank() ? null : text.strip();
    if (body != null && body.length() > MAX_NOTES) {
      throw new IllegalArgumentException("Notes have at most " + MAX_NOTES + " characters");
    }
    happenedAt = when;
    outcome = Objects.requireNonNull(result, "outcome");
    notes = body;
    officerId = Objects.requireNonNull(officer, "officer");
    recordedBy = Objects.requireNonNull(by);
    recordedAt = now;
  }

  public boolean isRecorded() {
    return outcome != null;
  }

  /** Whether the contact counts toward the contact standard. */
  public boolean completed() {
    return outcome == ContactOutcome.COMPLETED;
  }

  public ContactId id() {
    return id;
  }

  public CaseId caseId() {
    return caseId;
  }

  public ContactKind kind() {
    return kind;
  }

  public Instant scheduledFor() {
    return scheduledFor;
  }

  public String location() {
    return location;
  }

  public Instant happenedAt() {
    return happenedAt;
  }

  public ContactOutcome outcome() {
    return outcome;
  }

  public String notes() {
    return notes;
  }

  public UserId officerId() {
    return officerId;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Long version() {
    return version;
  }
}

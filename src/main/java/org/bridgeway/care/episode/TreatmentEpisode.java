package org.bridgeway.care.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.bridgeway.care.CareSignal;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person on supervision in treatment at a treatment provider: {@link #record recorded} by the
 * supervising agency from a start day, then {@link #end ended} once by the provider with a reason.
 * An ended episode changes no more. It carries the person's name and date of birth as the agency
 * had them, the minimum the provider sees of the person.
 */
@Table("care_episode")
public class TreatmentEpisode {

  /** The longest person name kept, in characters. */
  public static final int MAX_NAME = 320;

  @Id private final TreatmentEpisodeId id;
  private final PersonId personId;
  private final OrganizationId agencyId;
  private final OrganizationId providerId;
  private final UUID directoryServiceId;
  private final ReferralId referralId;
  private final String personName;
  private final LocalDate personBirthDate;
  private final TreatmentBasis basis;
  private final LocalDate startedOn;
  private LocalDate endedOn;
  private EndReason endReason;
  private final String recordedBy;
  private final Instant recordedAt;
  private String endedBy;
  private Instant endedAt;
  @Version private Long version;

  @PersistenceCreator
  TreatmentEpisode(
      TreatmentEpisodeId id,
      PersonId personId,
      OrganizationId agencyId,
      OrganizationId providerId,
      UUID directoryServiceId,
      ReferralId referralId,
      String personName,
      LocalDate personBirthDate,
      TreatmentBasis basis,
      LocalDate startedOn,
      String recordedBy,
      Instant recordedAt,
      Long version) {
    this.id = id;
    this.personId = personId;
    this.agencyId = agencyId;
    this.providerId = providerId;
    this.directoryServiceId = directoryServiceId;
    this.referralId = referralId;
    this.personName = personName;
    this.personBirthDate = personBirthDate;
    this.basis = basis;
    this.startedOn = startedOn;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.version = version;
  }

  /** Who the episode is about, as the provider sees them. */
  public record PersonShown(PersonId id, String name, LocalDate dateOfBirth) {}

  /**
   * Records that a person of the agency is in treatment at a provider from a day.
   *
   * @param today the present: treatment cannot start in the future
   * @throws IllegalArgumentException if it starts in the future or the name is too long
   */
  public static TreatmentEpisode record(
      TreatmentEpisodeId id,
      PersonShown person,
      OrganizationId agency,
      OrganizationId provider,
      UUID directoryService,
      TreatmentBasis basis,
      LocalDate startedOn,
      String by,
      Instant at,
      LocalDate today) {
    Objects.requireNonNull(startedOn, "startedOn");
    if (startedOn.isAfter(today)) {
      throw new IllegalArgumentException("Treatment cannot start in the future");
    }
    if (person.name().length() > MAX_NAME) {
      throw new IllegalArgumentException("A name has at most " + MAX_NAME + " characters");
    }
    if (agency.equals(provider)) {
      throw new IllegalArgumentException("The provider cannot be the supervising agency");
    }
    return new TreatmentEpisode(
        Objects.requireNonNull(id),
        Objects.requireNonNull(person.id()),
        Objects.requireNonNull(agency),
        Objects.requireNonNull(provider),
        directoryService,
        null,
        person.name(),
        Objects.requireNonNull(person.dateOfBirth()),
        Objects.requireNonNull(basis, "basis"),
        startedOn,
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        null);
  }

  /**
   * Opens the episode of a person whose referral to a treatment provider's service the provider
   * accepted: in treatment there from the day of acceptance.
   *
   * @throws IllegalArgumentException if the name is too long or the provider is the agency
   */
  public static TreatmentEpisode openFromReferral(
      TreatmentEpisodeId id,
      ReferralId referral,
      PersonShown person,
      OrganizationId agency,
      OrganizationId provider,
      UUID directoryService,
      TreatmentBasis basis,
      LocalDate acceptedOn,
      String by,
      Instant at) {
    TreatmentEpisode recorded =
        record(
            id, person, agency, provider, directoryService, basis, acceptedOn, by, at, acceptedOn);
    return new TreatmentEpisode(
        recorded.id,
        recorded.personId,
        recorded.agencyId,
        recorded.providerId,
        recorded.directoryServiceId,
        Objects.requireNonNull(referral, "referral"),
        recorded.personName,
        recorded.personBirthDate,
        recorded.basis,
        recorded.startedOn,
        recorded.recordedBy,
        recorded.recordedAt,
        null);
  }

  /**
   * Ends the treatment on a day, for a reason; once.
   *
   * @param today the present: treatment cannot end in the future
   * @throws IllegalStateException if the episode already ended
   * @throws IllegalArgumentException if the day is before the start or in the future
   */
  public void end(LocalDate on, EndReason reason, String by, Instant at, LocalDate today) {
    if (hasEnded()) {
      throw new IllegalStateException("The treatment episode already ended");
    }
    Objects.requireNonNull(on, "endedOn");
    if (on.isBefore(startedOn)) {
      throw new IllegalArgumentException("Treatment cannot end before it started");
    }
    if (on.isAfter(today)) {
      throw new IllegalArgumentException("Treatment cannot end in the future");
    }
    endedOn = on;
    endReason = Objects.requireNonNull(reason, "endReason");
    endedBy = Objects.requireNonNull(by);
    endedAt = Objects.requireNonNull(at);
  }

  /** The signal of something the provider recorded on this episode, for the agency's side. */
  public CareSignal signal(CareSignal.Kind kind, UUID recordId, LocalDate day, Instant at) {
    return new CareSignal(id, personId, agencyId, providerId, kind, recordId, day, at);
  }

  public boolean hasEnded() {
    return endedOn != null;
  }

  /**
   * Whether a report of the category may be dated on the day: not before the start and, once the
   * episode ended, not after its end, except a discharge summary, which is written afterwards.
   */
  public boolean acceptsReportOn(LocalDate day, InformationCategory category) {
    if (day.isBefore(startedOn)) {
      return false;
    }
    return !hasEnded()
        || !day.isAfter(endedOn)
        || category == InformationCategory.DISCHARGE_SUMMARY;
  }

  public TreatmentEpisodeId id() {
    return id;
  }

  public PersonId personId() {
    return personId;
  }

  public OrganizationId agencyId() {
    return agencyId;
  }

  public OrganizationId providerId() {
    return providerId;
  }

  public UUID directoryServiceId() {
    return directoryServiceId;
  }

  /** The accepted referral the episode was opened from; null if the agency recorded it. */
  public ReferralId referralId() {
    return referralId;
  }

  public PersonShown person() {
    return new PersonShown(personId, personName, personBirthDate);
  }

  public TreatmentBasis basis() {
    return basis;
  }

  public LocalDate startedOn() {
    return startedOn;
  }

  public LocalDate endedOn() {
    return endedOn;
  }

  public EndReason endReason() {
    return endReason;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public Long version() {
    return version;
  }
}

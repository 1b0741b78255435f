package org.bridgeway.care.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A transition of care recorded by the supervising agency. A {@link TransitionKind#RELEASE release}
 * names the day the person leaves custody, the referral made before release and the window within
 * which intake must be booked; a hand-off ({@code STEP_DOWN}, {@code STEP_UP}, {@code MOVE}) links
 * the sending episode to the receiving one and names the last day both providers are on the case.
 */
@Table("care_transition")
public class CareTransition {

  /** The intake window of a release when the agency names none, in days after release. */
  public static final int DEFAULT_INTAKE_WINDOW = 3;

  /** The longest intake window, in days. */
  public static final int MAX_INTAKE_WINDOW = 30;

  @Id private final TransitionId id;
  private final PersonId personId;
  private final OrganizationId agencyId;
  private final TransitionKind kind;
  private final LocalDate releasedOn;
  private final Integer intakeWithinDays;
  private final UUID referralId;
  private final TreatmentEpisodeId fromEpisodeId;
  private TreatmentEpisodeId toEpisodeId;
  private final LocalDate overlapEndsOn;
  private final String recordedBy;
  private final Instant recordedAt;
  @Version private Long version;

  @PersistenceCreator
  CareTransition(
      TransitionId id,
      PersonId personId,
      OrganizationId agencyId,
      TransitionKind kind,
      LocalDate releasedOn,
      Integer intakeWithinDays,
      UUID referralId,
      TreatmentEpisodeId fromEpisodeId,
      TreatmentEpisodeId toEpisodeId,
      LocalDate overlapEndsOn,
      String recordedBy,
      Instant recordedAt,
      Long version) {
    this.id = id;
    this.personId = personId;
    this.agencyId = agencyId;
    this.kind = kind;
    this.releasedOn = releasedOn;
    this.intakeWithinDays = intakeWithinDays;
    this.referralId = referralId;
    this.fromEpisodeId = fromEpisodeId;
    this.toEpisodeId = toEpisodeId;
    this.overlapEndsOn = overlapEndsOn;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.version = version;
  }

  /**
   * A release from custody on a day, with the referral made before release and, if already
   * recorded, the episode where intake happens.
   *
   * @throws IllegalArgumentException if the window is outside 1 to {@link #MAX_INTAKE_WINDOW}
   */
  static CareTransition release(
      PersonId person,
      OrganizationId agency,
      LocalDate releasedOn,
      int intakeWithinDays,
      UUID referral,
      TreatmentEpisodeId intakeEpisode,
      String by,
      Instant at) {
    if (intakeWithinDays < 1 || intakeWithinDays > MAX_INTAKE_WINDOW) {
      throw new IllegalArgumentException(
          "The intake window is 1 to " + MAX_INTAKE_WINDOW + " days");
    }
    return new CareTransition(
        TransitionId.random(),
        Objects.requireNonNull(person),
        Objects.requireNonNull(agency),
        TransitionKind.RELEASE,
        Objects.requireNonNull(releasedOn, "releasedOn"),
        intakeWithinDays,
        referral,
        null,
        intakeEpisode,
        null,
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        null);
  }

  /**
   * A hand-off from one provider's episode to another's, both on the case until the overlap ends.
   *
   * @throws IllegalArgumentException for a release kind or the same episode on both sides
   */
  static CareTransition handOff(
      PersonId person,
      OrganizationId agency,
      TransitionKind kind,
      TreatmentEpisodeId from,
      TreatmentEpisodeId to,
      LocalDate overlapEndsOn,
      UUID referral,
      String by,
      Instant at) {
    if (!kind.isHandOff()) {
      throw new IllegalArgumentException("A release is not a hand-off between providers");
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("A hand-off goes from one episode to another");
    }
    return new CareTransition(
        TransitionId.random(),
        Objects.requireNonNull(person),
        Objects.requireNonNull(agency),
        kind,
        null,
        null,
        referral,
        Objects.requireNonNull(from),
        Objects.requireNonNull(to),
        Objects.requireNonNull(overlapEndsOn, "overlapEndsOn"),
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        null);
  }

  /** The last day of the intake window of a release: release day plus the window. */
  public LocalDate intakeDueBy() {
    return kind == TransitionKind.RELEASE ? releasedOn.plusDays(intakeWithinDays) : null;
  }

  /**
   * Whether an intake on the day is on time for this release: on or after the release day and at
   * most the window's days later.
   */
  public boolean intakeOnTime(LocalDate intakeDay) {
    return intakeDay != null
        && !intakeDay.isBefore(releasedOn)
        && !intakeDay.isAfter(intakeDueBy());
  }

  /** Whether the overlap of a hand-off is over on the day (the sending episode ends then). */
  public boolean overlapOverOn(LocalDate today) {
    return kind.isHandOff() && !today.isBefore(overlapEndsOn);
  }

  public TransitionId id() {
    return id;
  }

  public PersonId personId() {
    return personId;
  }

  public OrganizationId agencyId() {
    return agencyId;
  }

  public TransitionKind kind() {
    return kind;
  }

  public LocalDate releasedOn() {
    return releasedOn;
  }

  public Integer intakeWithinDays() {
    return intakeWithinDays;
  }

  public UUID referralId() {
    return referralId;
  }

  public TreatmentEpisodeId fromEpisodeId() {
    return fromEpisodeId;
  }

  public TreatmentEpisodeId toEpisodeId() {
    return toEpisodeId;
  }

  public LocalDate overlapEndsOn() {
    return overlapEndsOn;
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

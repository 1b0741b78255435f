package org.bridgeway.care.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What the person told the agency about appointment reminders, on top of the phone, email and quiet
 * hours the person's record keeps: the channels wanted, the time zone the quiet hours are in,
 * whether a reminder may name the provider, and an opt-out per channel with its time. An opt-out
 * stands until the agency records that the person opted in again.
 */
@Table("care_reminder_preference")
public class ReminderPreference {

  @Id private final PersonId personId;
  private final OrganizationId agencyId;
  private boolean sms;
  private boolean email;
  private String timeZone;
  private boolean nameProvider;
  private Instant smsOptedOutAt;
  private Instant emailOptedOutAt;
  private String updatedBy;
  private Instant updatedAt;
  @Version private Long version;
  @Transient private final boolean stored;

  @PersistenceCreator
  ReminderPreference(
      PersonId personId,
      OrganizationId agencyId,
      boolean sms,
      boolean email,
      String timeZone,
      boolean nameProvider,
      Instant smsOptedOutAt,
      Instant emailOptedOutAt,
      String updatedBy,
      Instant updatedAt,
      Long version) {
    this.personId = personId;
    this.agencyId = agencyId;
    this.sms = sms;
    this.email = email;
    this.timeZone = timeZone;
    this.nameProvider = nameProvider;
    this.smsOptedOutAt = smsOptedOutAt;
    this.emailOptedOutAt = emailOptedOutAt;
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
    this.version = version;
    this.stored = version != null;
  }

  /**
   * The preferences of a person who has told nothing yet: the channel of the method their record
   * names ({@code TEXT} is SMS, {@code EMAIL} is email; a call or none is no reminder), in the
   * agency's zone.
   */
  static ReminderPreference defaults(
      PersonId person, OrganizationId agency, String method, ZoneId zone) {
    return new ReminderPreference(
        person,
        agency,
        "TEXT".equals(method),
        "EMAIL".equals(method),
        zone.getId(),
        false,
        null,
        null,
        null,
        null,
        null);
  }

  /** Sets the channels, zone and naming; an opt-out of a channel chosen again is lifted. */
  void change(
      boolean sms, boolean email, ZoneId zone, boolean nameProvider, String by, Instant at) {
    if (sms && !this.sms) {
      smsOptedOutAt = null;
    }
    if (email && !this.email) {
      emailOptedOutAt = null;
    }
    if (sms && smsOptedOutAt != null) {
      smsOptedOutAt = null;
    }
    if (email && emailOptedOutAt != null) {
      emailOptedOutAt = null;
    }
    this.sms = sms;
    this.email = email;
    this.timeZone = Objects.requireNonNull(zone).getId();
    this.nameProvider = nameProvider;
    this.updatedBy = Objects.requireNonNull(by);
    this.updatedAt = Objects.requireNonNull(at);
  }

  /** Records that the person opted out of a channel (their "STOP"); the first time stands. */
  void optOut(ReminderChannel channel, String by, Instant at) {
    if (channel == ReminderChannel.SMS && smsOptedOutAt == null) {
      smsOptedOutAt = at;
    }
    if (channel == ReminderChannel.EMAIL && emailOptedOutAt == null) {
      emailOptedOutAt = at;
    }
    this.updatedBy = Objects.requireNonNull(by);
    this.updatedAt = Objects.requireNonNull(at);
  }

  /** Lifts an opt-out of a channel (the person's "START"); the channel's choice stays as it was. */
  void optBackIn(ReminderChannel channel, String by, Instant at) {
    if (channel == ReminderChannel.SMS) {
      smsOptedOutAt = null;
    } else {
      emailOptedOutAt = null;
    }
    this.updatedBy = Objects.requireNonNull(by);
    this.updatedAt = Objects.requireNonNull(at);
  }

  /** Whether reminders go by the channel: chosen and not opted out. */
  public boolean sendsBy(ReminderChannel channel) {
    return switch (channel) {
      case SMS -> sms && smsOptedOutAt == null;
      case EMAIL -> email && emailOptedOutAt == null;
    };
  }

  public boolean wants(ReminderChannel channel) {
    return channel == ReminderChannel.SMS ? sms : email;
  }

  public Instant optedOutAt(ReminderChannel channel) {
    return channel == ReminderChannel.SMS ? smsOptedOutAt : emailOptedOutAt;
  }

  public PersonId personId() {
    return personId;
  }

  public OrganizationId agencyId() {
    return agencyId;
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public boolean nameProvider() {
    return nameProvider;
  }

  public Long version() {
    return version;
  }

  public boolean stored() {
    return stored;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}

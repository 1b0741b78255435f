package org.bridgeway.care.reminder;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.ContactDetails;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's reminder settings, kept by the supervising agency's staff who see the person: the
 * phone, email and quiet hours come from the person's record (edited there), the channels, time
 * zone, naming of the provider and opt-outs are kept here. The person's "STOP" is recorded through
 * {@link #optOut}. Every read and change is audited with ids and codes only.
 */
@Service
public class ReminderSettings {

  /** The settings as shown: the record's contact details and the reminder preferences. */
  public record Settings(ContactDetails contact, ReminderPreference preference) {

    public QuietHours quietHours() {
      return new QuietHours(contact.quietStart(), contact.quietEnd(), preference.zone());
    }
  }

  /** A change of the preferences, quoting the version read (null for none stored yet). */
  public record Change(
      boolean sms, boolean email, String timeZone, boolean nameProvider, Long version) {}

  private final ReminderPreferences preferences;
  private final SupervisedPeople people;
  private final ReminderProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  ReminderSettings(
      ReminderPreferences preferences,
      SupervisedPeople people,
      ReminderProperties properties,
      AuditTrail audit,
      Clock clock) {
    this.preferences = preferences;
    this.people = people;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The person's settings, audited as a read.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional
  public Settings settingsOf(BridgewayPrincipal principal, PersonId person) {
    people.visibleTo(principal, person);
    Settings settings = settings(person);
    audit.record(event("care.reminder.settings.read", person));
    return settings;
  }

  /**
   * Changes the person's reminder preferences.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   * @throws CareInputRejected naming each field at fault (a channel without a number or address on
   *     the record, an unknown time zone)
   * @throws OptimisticLockingFailureException if the preferences changed since the caller read them
   */
  @Transactional
  public Settings change(BridgewayPrincipal principal, PersonId person, Change change) {
    people.visibleTo(principal, person);
    Settings current = settings(person);
    List<FieldViolation> violations = new ArrayList<>();
    if (change.sms() && blank(current.contact().phone())) {
      violations.add(
          new FieldViolation("sms", "NoPhone", "needs a phone number on the person's record"));
    }
    if (change.email() && blank(current.contact().email())) {
      violations.add(
          new FieldViolation("email", "NoEmail", "needs an email address on the person's record"));
    }
    ZoneId zone = null;
    try {
      zone = ZoneId.of(change.timeZone() == null ? "" : change.timeZone().strip());
    } catch (DateTimeException e) {
      violations.add(
          new FieldViolation(
              "timeZone", "UnknownZone", "is not a time zone such as America/Chicago"));
    }
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
    ReminderPreference preference = current.preference();
    Long read = change.version();
    boolean matches =
        preference.stored() ? preference.version().equals(read) : read == null || read == 0;
    if (!matches) {
      throw new OptimisticLockingFailureException(
          "The reminder preferences of " + person + " changed since they were read");
    }
    preference.change(
        change.sms(),
        change.email(),
        zone,
        change.nameProvider(),
        principal.reference(),
        clock.instant());
    preference = preferences.save(preference);
    audit.record(
        event("care.reminder.settings.change", person)
            .withDetail("sms", Boolean.toString(change.sms()))
            .withDetail("email", Boolean.toString(change.email()))
            .withDetail("nameProvider", Boolean.toString(change.nameProvider())));
    return new Settings(current.contact(), preference);
  }

  /**
   * Records the person's opt-out of a channel (their "STOP"), effective at once: reminders not yet
   * sent by it are skipped.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional
  public Settings optOut(BridgewayPrincipal principal, PersonId person, ReminderChannel channel) {
    people.visibleTo(principal, person);
    Settings current = settings(person);
    ReminderPreference preference = current.preference();
    preference.optOut(channel, principal.reference(), clock.instant());
    preference = preferences.save(preference);
    audit.record(event("care.reminder.opt-out", person).withDetail("channel", channel.name()));
    return new Settings(current.contact(), preference);
  }

  /**
   * Applies a reply to the reminders' SMS number, as the SMS provider passes it on: STOP (and the
   * other standard opt-out words) opts every person with that number out of SMS reminders at once,
   * START opts them back in; any other reply changes nothing. Audited per person as the system.
   *
   * @return how many people's preferences the reply changed
   */
  @Transactional
  public int applySmsReply(String from, String text) {
    SmsKeyword keyword = SmsKeyword.of(text);
    if (keyword == SmsKeyword.OTHER) {
      return 0;
    }
    Instant now = clock.instant();
    int changed = 0;
    for (PersonId person : people.reachableAt(from)) {
      ReminderPreference preference = settings(person).preference();
      if (keyword == SmsKeyword.STOP) {
        preference.optOut(ReminderChannel.SMS, SMS_REPLY, now);
      } else {
        preference.optBackIn(ReminderChannel.SMS, SMS_REPLY, now);
      }
      preferences.save(preference);
      audit.record(
          event(
                  keyword == SmsKeyword.STOP ? "care.reminder.opt-out" : "care.reminder.opt-in",
                  person)
              .withActor(Actor.system())
              .withDetail("channel", ReminderChannel.SMS.name())
              .withDetail("via", SMS_REPLY));
      changed++;
    }
    return changed;
  }

  /** Who changed a preference when the person replied by SMS. */
  static final String SMS_REPLY = "sms-reply";

  /** The settings of a person, without a caller (the reminder job). */
  @Transactional(readOnly = true)
  public Settings settings(PersonId person) {
    ContactDetails contact =
        people.contactDetails(person).orElseThrow(() -> new NotFoundException("person"));
    ReminderPreference preference =
        preferences
            .findById(person)
            .orElseGet(
                () ->
                    ReminderPreference.defaults(
                        person, contact.agency(), contact.method(), properties.zone()));
    return new Settings(contact, preference);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static AuditEvent event(String action, PersonId person) {
    return AuditEvent.success(action)
        .withRecord("supervision-person", person.value())
        .withPerson(person.value());
  }
}

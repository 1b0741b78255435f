package org.bridgeway.supervision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.FormValues;
import org.bridgeway.supervision.contact.Contact;
import org.bridgeway.supervision.contact.ContactKind;
import org.bridgeway.supervision.contact.ContactOutcome;

/** The forms of a case's contacts page, every field bound as text. */
final class ContactForms {

  private ContactForms() {}

  /** Plans a contact: its kind, day and time (in the agency's zone), and where. */
  record ScheduleForm(String kind, String scheduledDate, String scheduledTime, String location) {

    static final Set<String> FIELDS = Set.of("kind", "scheduledDate", "scheduledTime", "location");

    static ScheduleForm empty() {
      return new ScheduleForm(ContactKind.OFFICE.name(), null, null, null);
    }

    record Parsed(ContactKind kind, Instant at, String location, List<FieldViolation> violations) {}

    Parsed parse(ZoneId zone) {
      List<FieldViolation> violations = new ArrayList<>();
      ContactKind k = FormValues.choice("kind", kind, ContactKind.class, violations);
      LocalDate day = FormValues.date("scheduledDate", scheduledDate, violations);
      LocalTime time = FormValues.time("scheduledTime", scheduledTime, violations);
      String place = FormValues.text("location", location, Contact.MAX_LOCATION, false, violations);
      Instant at = day == null || time == null ? null : day.atTime(time).atZone(zone).toInstant();
      return new Parsed(k, at, place, violations);
    }
  }

  /** Records what happened at a scheduled contact, chosen as {@code <id>:<version>}. */
  record OutcomeForm(
      String contact, String happenedDate, String happenedTime, String outcome, String notes) {

    static final Set<String> FIELDS =
        Set.of("contact", "happenedDate", "happenedTime", "outcome", "notes");

    static OutcomeForm empty() {
      return new OutcomeForm(null, null, null, ContactOutcome.COMPLETED.name(), null);
    }

    record Parsed(
        FormValues.Versioned contact,
        Instant at,
        ContactOutcome outcome,
        String notes,
        List<FieldViolation> violations) {}

    Parsed parse(ZoneId zone) {
      List<FieldViolation> violations = new ArrayList<>();
      FormValues.Versioned chosen = FormValues.versioned("contact", contact, violations);
      LocalDate day = FormValues.date("happenedDate", happenedDate, violations);
      LocalTime time = FormValues.time("happenedTime", happenedTime, violations);
      ContactOutcome result =
          FormValues.choice("outcome", outcome, ContactOutcome.class, violations);
      String text = FormValues.text("notes", notes, Contact.MAX_NOTES, false, violations);
      Instant at = day == null || time == null ? null : day.atTime(time).atZone(zone).toInstant();
      return new Parsed(chosen, at, result, text, violations);
    }
  }
}

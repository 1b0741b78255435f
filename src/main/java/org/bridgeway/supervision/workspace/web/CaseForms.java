package org.bridgeway.supervision.workspace.web;

import static org.bridgeway.supervision.workspace.web.PersonForm.blank;
import static org.bridgeway.supervision.workspace.web.PersonForm.code;
import static org.bridgeway.supervision.workspace.web.PersonForm.date;
import static org.bridgeway.supervision.workspace.web.PersonForm.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.supervision.caseload.ConditionStatus;
import org.bridgeway.supervision.caseload.Offense;
import org.bridgeway.supervision.caseload.OpenCase;
import org.bridgeway.supervision.office.OfficeId;

/**
 * The forms on a case: open one, transfer it, close it, set a condition, record a condition's
 * status with a note. Fields bind as text; {@code parse} names each value that cannot be read, and
 * the services' own rules are put beside the same fields ({@link #FIELDS}).
 */
final class CaseForms {

  /** The services' field names that differ from the forms'. */
  static final Map<String, String> FIELDS =
      Map.of(
          "officerId", "officerId",
          "officeId", "officeId",
          "note.notedOn", "notedOn",
          "note.text", "noteText",
          "closedOn", "closedOn",
          "expectedEndDate", "expectedEndDate",
          "status", "status");

  private CaseForms() {}

  record OpenCaseForm(
      String supervisionType,
      String court,
      String docketNumber,
      String startDate,
      String expectedEndDate,
      String level,
      String officerId,
      String offenseCategory,
      String offenseDescription) {

    static OpenCaseForm forOfficer(UUID officer, LocalDate today) {
      return new OpenCaseForm(
          "PROBATION", null, null, today.toString(), null, null, officer.toString(), null, null);
    }

    OpenCase parse(PersonId person, List<FieldViolation> violations) {
      SupervisionType type =
          required("supervisionType", supervisionType, SupervisionType.class, violations);
      String courtName = text("court", court, 200, true, violations);
      String docket = text("docketNumber", docketNumber, 60, true, violations);
      LocalDate start = date("startDate", startDate, true, violations);
      LocalDate end = date("expectedEndDate", expectedEndDate, true, violations);
      SupervisionLevel parsedLevel = required("level", level, SupervisionLevel.class, violations);
      UUID officer = uuid("officerId", officerId, violations);
      OffenseCategory category =
          code("offenseCategory", offenseCategory, OffenseCategory.class, violations);
      String description = text("offenseDescription", offenseDescription, 300, false, violations);
      List<Offense> offenses = new ArrayList<>();
      if (category != null && description == null) {
        violations.add(new FieldViolation("offenseDescription", "Required", "is required"));
      } else if (category == null && description != null) {
        violations.add(new FieldViolation("offenseCategory", "Required", "is required"));
      } else if (category != null) {
        offenses.add(new Offense(category, description));
      }
      if (start != null && end != null && !end.isAfter(start)) {
        violations.add(
            new FieldViolation("expectedEndDate", "EndBeforeStart", "must be after the start"));
      }
      if (!violations.isEmpty()) {
        return null;
      }
      return new OpenCase(
          person, type, courtName, docket, start, end, parsedLevel, new UserId(officer), offenses);
    }
  }

  /** Move a case to an office (blank: the officer's home office) and an officer of it. */
  record TransferForm(String officeId, String officerId, String reason, String version) {

    record Parsed(OfficeId office, UserId officer, String reason, long version) {}

    Parsed parse(List<FieldViolation> violations) {
      UUID office = blank(officeId) ? null : uuid("officeId", officeId, violations);
      UUID officer = uuid("officerId", officerId, violations);
      String why = text("reason", reason, 500, false, violations);
      Long parsedVersion = versionOf(version, violations);
      return violations.isEmpty()
          ? new Parsed(
              office == null ? null : new OfficeId(office), new UserId(officer), why, parsedVersion)
          : null;
    }
  }

  record CloseForm(String reason, String closedOn, String version) {

    record Parsed(ClosureReason reason, LocalDate closedOn, long version) {}

    Parsed parse(List<FieldViolation> violations) {
      ClosureReason why = required("reason", reason, ClosureReason.class, violations);
      LocalDate on = date("closedOn", closedOn, true, violations);
      Long parsedVersion = versionOf(version, violations);
      return violations.isEmpty() ? new Parsed(why, on, parsedVersion) : null;
    }
  }

  record ConditionForm(String kind, Boolean special, String description) {

    record Parsed(ConditionKind kind, boolean special, String description) {}

    Parsed parse(List<FieldViolation> violations) {
      ConditionKind parsedKind = required("kind", kind, ConditionKind.class, violations);
      String text = text("description", description, 1000, true, violations);
      return violations.isEmpty()
          ? new Parsed(parsedKind, Boolean.TRUE.equals(special), text)
          : null;
    }
  }

  record ConditionRecordForm(
      String kind,
      Boolean special,
      String description,
      String status,
      String notedOn,
      String noteText,
      String version) {

    static ConditionRecordForm of(Condition condition, LocalDate today) {
      return new ConditionRecordForm(
          condition.kind().name(),
          condition.special(),
          condition.description(),
          condition.status().name(),
          today.toString(),
          null,
          Long.toString(condition.version()));
    }

    record Parsed(
        ConditionKind kind,
        boolean special,
        String description,
        ConditionStatus status,
        CaseRecords.NewNote note,
        long version) {}

    Parsed parse(List<FieldViolation> violations) {
      ConditionKind parsedKind = required("kind", kind, ConditionKind.class, violations);
      String text = text("description", description, 1000, true, violations);
      ConditionStatus parsedStatus = required("status", status, ConditionStatus.class, violations);
      String note = text("noteText", noteText, Condition.MAX_NOTE, false, violations);
      LocalDate on = date("notedOn", notedOn, note != null, violations);
      Long parsedVersion = versionOf(version, violations);
      if (!violations.isEmpty()) {
        return null;
      }
      return new Parsed(
          parsedKind,
          Boolean.TRUE.equals(special),
          text,
          parsedStatus,
          note == null ? null : new CaseRecords.NewNote(on, note),
          parsedVersion);
    }
  }

  private static <E extends Enum<E>> E required(
      String field, String value, Class<E> type, List<FieldViolation> violations) {
    if (blank(value)) {
      violations.add(new FieldViolation(field, "Required", "is required"));
      return null;
    }
    return code(field, value, type, violations);
  }

  private static UUID uuid(String field, String value, List<FieldViolation> violations) {
    if (blank(value)) {
      violations.add(new FieldViolation(field, "Required", "is required"));
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "Unknown", "must be chosen from the list"));
      return null;
    }
  }

  private static Long versionOf(String value, List<FieldViolation> violations) {
    try {
      return Long.valueOf(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(null, "version", "reload the page"));
      return null;
    }
  }
}

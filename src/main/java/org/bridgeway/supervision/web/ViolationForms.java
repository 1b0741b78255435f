package org.bridgeway.supervision.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.FormValues;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.violation.IncentiveKind;
import org.bridgeway.supervision.violation.Sanction;
import org.bridgeway.supervision.violation.Violation;
import org.bridgeway.supervision.violation.ViolationKind;
import org.bridgeway.supervision.violation.ViolationRecords;
import org.bridgeway.supervision.violation.ViolationSeverity;

/**
 * The forms of a case's violations page, every field bound as text; field names differ between the
 * forms, as they share one page.
 */
final class ViolationForms {

  private ViolationForms() {}

  /** A violation to record. */
  record ViolationForm(
      String occurredOn,
      String violationKind,
      String severity,
      String conditionId,
      String markOutOfCompliance,
      String description) {

    static final Set<String> FIELDS =
        Set.of(
            "occurredOn",
            "violationKind",
            "severity",
            "conditionId",
            "markOutOfCompliance",
            "description");

    static ViolationForm empty() {
      return new ViolationForm(
          null, ViolationKind.TECHNICAL.name(), ViolationSeverity.LOW.name(), "", null, null);
    }

    record Parsed(ViolationRecords.NewViolation violation, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      LocalDate day = FormValues.date("occurredOn", occurredOn, violations);
      ViolationKind kind =
          FormValues.choice("violationKind", violationKind, ViolationKind.class, violations);
      ViolationSeverity level =
          FormValues.choice("severity", severity, ViolationSeverity.class, violations);
      UUID condition = FormValues.id("conditionId", conditionId, violations);
      String text =
          FormValues.text("description", description, Violation.MAX_TEXT, true, violations);
      if (!violations.isEmpty()) {
        return new Parsed(null, violations);
      }
      return new Parsed(
          new ViolationRecords.NewViolation(
              day,
              condition == null ? null : new ConditionId(condition),
              kind,
              level,
              text,
              "true".equals(markOutOfCompliance)),
          violations);
    }
  }

  /** A sanction given in response to a violation chosen as {@code <id>:<version>}. */
  record ResponseForm(
      String violation, String sanction, String respondedOn, String responseNote, String reason) {

    static final Set<String> FIELDS =
        Set.of("violation", "sanction", "respondedOn", "responseNote", "reason");

    static ResponseForm empty() {
      return new ResponseForm(null, Sanction.VERBAL_WARNING.name(), null, null, null);
    }

    record Parsed(
        FormValues.Versioned violation,
        ViolationRecords.NewResponse response,
        List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      FormValues.Versioned chosen = FormValues.versioned("violation", violation, violations);
      Sanction given = FormValues.choice("sanction", sanction, Sanction.class, violations);
      LocalDate day = FormValues.date("respondedOn", respondedOn, violations);
      String note =
          FormValues.text("responseNote", responseNote, Violation.MAX_TEXT, false, violations);
      String why = FormValues.text("reason", reason, Violation.MAX_REASON, false, violations);
      if (!violations.isEmpty()) {
        return new Parsed(null, null, violations);
      }
      return new Parsed(
          chosen, new ViolationRecords.NewResponse(given, day, note, why), violations);
    }
  }

  /** An incentive to record. */
  record IncentiveForm(String incentiveKind, String givenOn, String incentiveNote) {

    static final Set<String> FIELDS = Set.of("incentiveKind", "givenOn", "incentiveNote");

    static IncentiveForm empty() {
      return new IncentiveForm(IncentiveKind.PRAISE.name(), null, null);
    }

    record Parsed(
        IncentiveKind kind, LocalDate givenOn, String note, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      IncentiveKind kind =
          FormValues.choice("incentiveKind", incentiveKind, IncentiveKind.class, violations);
      LocalDate day = FormValues.date("givenOn", givenOn, violations);
      String note =
          FormValues.text("incentiveNote", incentiveNote, Violation.MAX_TEXT, false, violations);
      return new Parsed(kind, day, note, violations);
    }
  }
}

package org.bridgeway.outcomes.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bridgeway.outcomes.OutcomeEventKind;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.web.FieldViolation;

/**
 * The rules every outcome event keeps, entered or imported: a date that happened (not in the
 * future, not before 1900, not before the person was born), an offense category exactly for
 * arrests, charges and convictions, a housing status exactly for housing changes, and a short
 * detail. Field names are the caller's: the API's camelCase or the import's snake_case.
 */
public final class EventRules {

  /** No record of outcomes reaches further back: earlier dates are typing errors. */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  public static final int DETAIL_MAX = 500;

  /** The field names of one caller. */
  public record Fields(
      String kind, String occurredOn, String offense, String housing, String detail) {
    public static final Fields API =
        new Fields("kind", "occurredOn", "offenseCategory", "housingStatus", "detail");
    public static final Fields IMPORT =
        new Fields("kind", "occurred_on", "offense_category", "housing_status", "detail");
  }

  private EventRules() {}

  /**
   * Everything wrong with the event, in field order; empty when it may be stored.
   *
   * @param birthDate the person's date of birth, or null when unknown
   * @param today the agency's today
   */
  public static List<FieldViolation> check(
      OutcomeEventKind kind,
      LocalDate occurredOn,
      OffenseCategory offense,
      HousingStatus housing,
      String detail,
      LocalDate birthDate,
      LocalDate today,
      Fields fields,
      EventMessages messages) {
    List<FieldViolation> violations = new ArrayList<>();
    if (kind == null) {
      violations.add(new FieldViolation(fields.kind(), "Required", messages.error("kindRequired")));
    }
    if (occurredOn == null) {
      violations.add(
          new FieldViolation(fields.occurredOn(), "Required", messages.error("dateRequired")));
    } else if (occurredOn.isAfter(today)) {
      violations.add(
          new FieldViolation(fields.occurredOn(), "Future", messages.error("future", today)));
    } else if (occurredOn.isBefore(EARLIEST)) {
      violations.add(
          new FieldViolation(
              fields.occurredOn(), "TooEarly", messages.error("tooEarly", EARLIEST)));
    } else if (birthDate != null && occurredOn.isBefore(birthDate)) {
      violations.add(
          new FieldViolation(
              fields.occurredOn(), "BeforeBirth", messages.error("beforeBirth", birthDate)));
    }
    if (kind != null && kind.carriesOffense() && offense == null) {
      violations.add(
          new FieldViolation(fields.offense(), "Required", messages.error("offenseRequired")));
    }
    if (kind != null && !kind.carriesOffense() && offense != null) {
      violations.add(
          new FieldViolation(fields.offense(), "NotAllowed", messages.error("offenseNotAllowed")));
    }
    if (kind == OutcomeEventKind.HOUSING_CHANGE && housing == null) {
      violations.add(
          new FieldViolation(fields.housing(), "Required", messages.error("housingRequired")));
    }
    if (kind != null && kind != OutcomeEventKind.HOUSING_CHANGE && housing != null) {
      violations.add(
          new FieldViolation(fields.housing(), "NotAllowed", messages.error("housingNotAllowed")));
    }
    if (detail != null && detail.length() > DETAIL_MAX) {
      violations.add(
          new FieldViolation(fields.detail(), "Size", messages.error("detailTooLong", DETAIL_MAX)));
    }
    return violations;
  }
}

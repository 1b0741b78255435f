package org.bridgeway.outcomes.measure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bridgeway.shared.web.FieldViolation;

/**
 * What a dashboard shows: the cohort (start kind, start period, program, risk level), the
 * recidivism definition and the breakdown. Built from request parameters by {@link #parse}, which
 * names every parameter that is wrong.
 */
public record MeasureFilter(
    StartKind kind,
    Definition definition,
    GroupBy groupBy,
    LocalDate from,
    LocalDate to,
    String program,
    String riskLevel,
    boolean myTeam) {

  /** The longest start period a dashboard covers: longer asks are almost always a typo. */
  static final int MAX_YEARS = 30;

  /** Which spells start a follow-up. */
  public enum StartKind {
    SUPERVISION_START,
    RELEASE,
    PROGRAM_EXIT
  }

  /** What counts as recidivism, and the fact column holding its first date. */
  public enum Definition {
    REARREST("rearrest_on"),
    RECONVICTION("reconviction_on"),
    RETURN_TO_CUSTODY("return_on");

    final String column;

    Definition(String column) {
      this.column = column;
    }
  }

  /** The breakdowns, each with the fact expression it groups by. */
  public enum GroupBy {
    NONE("kind"),
    PROGRAM("program_id"),
    PROVIDER("provider_id::text"),
    OFFICER("officer_id::text"),
    TEAM("team_id::text"),
    AREA("area"),
    RISK_LEVEL("risk_level"),
    GENDER("gender"),
    RACE("race"),
    ETHNICITY("ethnicity"),
    AGE_BAND("age_band"),
    PARTICIPATION("CASE WHEN participated THEN 'PARTICIPATED' ELSE 'NOT_PARTICIPATED' END"),
    START_QUARTER("to_char(start_quarter, 'YYYY-\"Q\"Q')"),
    START_YEAR("to_char(start_quarter, 'YYYY')");

    final String expression;

    GroupBy(String expression) {
      this.expression = expression;
    }
  }

  /** The raw request parameters, all optional. */
  public record Request(
      String kind,
      String definition,
      String groupBy,
      String from,
      String to,
      String program,
      String riskLevel,
      String team) {

    public static Request empty() {
      return new Request(null, null, null, null, null, null, null, null);
    }
  }

  /** The request parameters that cannot be read, each named. */
  public static final class FilterRejected extends RuntimeException {
    private final transient List<FieldViolation> violations;

    FilterRejected(List<FieldViolation> violations) {
      super(violations.toString());
      this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
      return violations;
    }
  }

  /**
   * The filter of a request. Defaults: supervision starts, rearrest, no breakdown, starts in the
   * five years before the as-of date (so that three-year follow-up has people to count).
   */
  public static MeasureFilter parse(Request request, LocalDate asOf) {
    List<FieldViolation> violations = new ArrayList<>();
    StartKind kind =
        choice(StartKind.class, request.kind(), StartKind.SUPERVISION_START, "kind", violations);
    Definition definition =
        choice(
            Definition.class, request.definition(), Definition.REARREST, "definition", violations);
    GroupBy groupBy = choice(GroupBy.class, request.groupBy(), GroupBy.NONE, "groupBy", violations);
    LocalDate to = date(request.to(), asOf, "to", violations);
    LocalDate from = date(request.from(), asOf.minusYears(5), "from", violations);
    if (from != null && to != null) {
      if (from.isAfter(to)) {
        violations.add(new FieldViolation("from", "Range", "must be on or before to"));
      } else if (from.isBefore(to.minusYears(MAX_YEARS))) {
        violations.add(
            new FieldViolation(
                "from", "Range", "must be at most " + MAX_YEARS + " years before to"));
      }
    }
    String program = blankToNull(request.program());
    if (program != null && program.length() > 40) {
      violations.add(new FieldViolation("program", "Size", "must be at most 40 characters"));
    }
    String risk = blankToNull(request.riskLevel());
    if (risk != null) {
      risk = risk.toUpperCase(Locale.ROOT);
      if (!List.of("LOW", "MODERATE", "HIGH", "VERY_HIGH").contains(risk)) {
        violations.add(
            new FieldViolation("riskLevel", "Unknown", "must be LOW, MODERATE, HIGH or VERY_HIGH"));
      }
    }
    String team = blankToNull(request.team());
    if (team != null && !team.equalsIgnoreCase("mine") && !team.equalsIgnoreCase("all")) {
      violations.add(new FieldViolation("team", "Unknown", "must be mine or all"));
    }
    if (!violations.isEmpty()) {
      throw new FilterRejected(violations);
    }
    return new MeasureFilter(
        kind, definition, groupBy, from, to, program, risk, "mine".equalsIgnoreCase(team));
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String value, E fallback, String field, List<FieldViolation> violations) {
    String given = blankToNull(value);
    if (given == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, given.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names =
          java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      violations.add(new FieldViolation(field, "Unknown", "must be one of " + names));
      return fallback;
    }
  }

  private static LocalDate date(
      String value, LocalDate fallback, String field, List<FieldViolation> violations) {
    String given = blankToNull(value);
    if (given == null) {
      return fallback;
    }
    try {
      LocalDate parsed = LocalDate.parse(given);
      if (parsed.getYear() < 1900 || parsed.getYear() > 2200) {
        violations.add(new FieldViolation(field, "Range", "must be between 1900 and 2200"));
        return null;
      }
      return parsed;
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "TypeMismatch", "must be a date (yyyy-mm-dd)"));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

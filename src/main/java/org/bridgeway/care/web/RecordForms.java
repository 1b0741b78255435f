package org.bridgeway.care.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.record.Discharge;
import org.bridgeway.care.record.DrugTest;
import org.bridgeway.care.record.Engagement;
import org.bridgeway.care.record.GoalAttainment;
import org.bridgeway.care.record.GoalOutcome;
import org.bridgeway.care.record.GoalProgress;
import org.bridgeway.care.record.GoalProgressLevel;
import org.bridgeway.care.record.LevelOfCare;
import org.bridgeway.care.record.ProgressReport;
import org.bridgeway.care.record.TestConfirmation;
import org.bridgeway.care.record.TestMethod;
import org.bridgeway.care.record.TestPanel;
import org.bridgeway.care.record.TreatmentPlan;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.care.session.ChangeParty;
import org.bridgeway.care.session.Concern;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.FormValues;

/**
 * The forms of the provider's records on the episode and appointment pages, every field bound as
 * text. Times are entered as a day and a time of day in UTC, the platform's clock. Per-goal ratings
 * come as two lists in the same order: the goal ids (hidden) and the ratings chosen.
 */
final class RecordForms {

  private RecordForms() {}

  /** The domain's field names as the appointment forms call them. */
  static final Map<String, String> RENAMED = Map.of("startsAt", "startsOn");

  record ScheduleForm(
      String kind,
      String mode,
      String startsOn,
      String startsTime,
      String durationMinutes,
      String location,
      String noteForPerson) {

    static final Set<String> FIELDS =
        Set.of(
            "kind",
            "mode",
            "startsOn",
            "startsTime",
            "durationMinutes",
            "location",
            "noteForPerson");

    static ScheduleForm empty() {
      return new ScheduleForm(
          AppointmentKind.INDIVIDUAL.name(),
          AppointmentMode.IN_PERSON.name(),
          null,
          null,
          "60",
          null,
          null);
    }

    record Parsed(Appointment.Details details, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      AppointmentKind k = FormValues.choice("kind", kind, AppointmentKind.class, violations);
      AppointmentMode m = FormValues.choice("mode", mode, AppointmentMode.class, violations);
      Instant at = instant("startsOn", startsOn, "startsTime", startsTime, violations);
      Integer minutes = number("durationMinutes", durationMinutes, violations);
      return new Parsed(
          new Appointment.Details(k, m, at, minutes, location, noteForPerson, null), violations);
    }
  }

  record AttendanceForm(
      String outcome,
      String reason,
      String sessionNote,
      String feedback,
      List<String> concerns,
      String version) {

    static final Set<String> FIELDS =
        Set.of("outcome", "reason", "sessionNote", "feedback", "concerns");

    static AttendanceForm empty(long version) {
      return new AttendanceForm(
          AttendanceOutcome.ATTENDED.name(), null, null, null, List.of(), Long.toString(version));
    }

    record Parsed(
        Appointment.AttendanceEntry entry, Long version, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      AttendanceOutcome o =
          FormValues.choice("outcome", outcome, AttendanceOutcome.class, violations);
      Set<Concern> flags = EnumSet.noneOf(Concern.class);
      for (String value : concerns == null ? List.<String>of() : concerns) {
        Concern c = FormValues.choice("concerns", value, Concern.class, violations);
        if (c != null) {
          flags.add(c);
        }
      }
      return new Parsed(
          new Appointment.AttendanceEntry(o, reason, sessionNote, feedback, flags),
          readVersion(version, violations),
          violations);
    }
  }

  record RescheduleForm(
      String startsOn,
      String startsTime,
      String moveRequestedBy,
      String moveReason,
      String version) {

    static final Set<String> FIELDS =
        Set.of("startsOn", "startsTime", "moveRequestedBy", "moveReason");

    static final Map<String, String> RENAMED =
        Map.of("startsAt", "startsOn", "requestedBy", "moveRequestedBy", "reason", "moveReason");

    static RescheduleForm empty(long version) {
      return new RescheduleForm(
          null, null, ChangeParty.PERSON.name(), null, Long.toString(version));
    }

    record Parsed(
        Instant startsAt,
        ChangeParty requestedBy,
        String reason,
        Long version,
        List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      Instant at = instant("startsOn", startsOn, "startsTime", startsTime, violations);
      ChangeParty who =
          FormValues.choice("moveRequestedBy", moveRequestedBy, ChangeParty.class, violations);
      return new Parsed(at, who, moveReason, readVersion(version, violations), violations);
    }
  }

  record CancelForm(String cancelRequestedBy, String cancelReason, String version) {

    static final Set<String> FIELDS = Set.of("cancelRequestedBy", "cancelReason");

    static final Map<String, String> RENAMED =
        Map.of("requestedBy", "cancelRequestedBy", "reason", "cancelReason");

    static CancelForm empty(long version) {
      return new CancelForm(ChangeParty.PROVIDER.name(), null, Long.toString(version));
    }

    record Parsed(
        ChangeParty requestedBy, String reason, Long version, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      ChangeParty who =
          FormValues.choice("cancelRequestedBy", cancelRequestedBy, ChangeParty.class, violations);
      return new Parsed(who, cancelReason, readVersion(version, violations), violations);
    }
  }

  /**
   * The plan: the goals as two lists in the same order, the goal ids (blank for a new goal) and
   * their descriptions; a row with a blank description is left out (which drops a goal).
   */
  record PlanForm(
      String levelOfCare,
      String plannedSessions,
      String effectiveOn,
      List<String> goalIds,
      List<String> goalDescriptions,
      String revises,
      String planGoals) {

    static final Set<String> FIELDS =
        Set.of("levelOfCare", "plannedSessions", "effectiveOn", "planGoals");

    static final Map<String, String> RENAMED = Map.of("goals", "planGoals");

    static PlanForm of(TreatmentPlan plan, LocalDate today) {
      List<String> ids = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      if (plan != null) {
        plan.goals()
            .forEach(
                g -> {
                  ids.add(g.goalId().toString());
                  texts.add(g.description());
                });
      }
      ids.add("");
      texts.add("");
      ids.add("");
      texts.add("");
      return new PlanForm(
          plan == null ? LevelOfCare.ASAM_1.name() : plan.levelOfCare().name(),
          plan == null ? "" : Integer.toString(plan.plannedSessions()),
          today.toString(),
          ids,
          texts,
          plan == null ? "0" : Integer.toString(plan.revision()),
          null);
    }

    record Parsed(
        TreatmentPlan.Content content, Integer revises, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      LevelOfCare level =
          FormValues.choice("levelOfCare", levelOfCare, LevelOfCare.class, violations);
      Integer sessions = number("plannedSessions", plannedSessions, violations);
      LocalDate day = FormValues.date("effectiveOn", effectiveOn, violations);
      List<TreatmentPlan.GoalEntry> goals = new ArrayList<>();
      List<String> texts = goalDescriptions == null ? List.of() : goalDescriptions;
      for (int i = 0; i < texts.size(); i++) {
        String text = texts.get(i);
        if (text == null || text.isBlank()) {
          continue;
        }
        String id = goalIds != null && i < goalIds.size() ? goalIds.get(i) : null;
        goals.add(new TreatmentPlan.GoalEntry(FormValues.id("planGoals", id, violations), text));
      }
      Integer read = number("revises", revises, violations);
      return new Parsed(new TreatmentPlan.Content(level, sessions, day, goals), read, violations);
    }
  }

  record ProgressForm(
      String periodFrom,
      String periodTo,
      String engagement,
      String progressSummary,
      List<String> goalIds,
      List<String> goalRatings,
      String progressGoals) {

    static final Set<String> FIELDS =
        Set.of("periodFrom", "periodTo", "engagement", "progressSummary", "progressGoals");

    static final Map<String, String> RENAMED =
        Map.of("summary", "progressSummary", "goals", "progressGoals");

    static ProgressForm of(TreatmentPlan plan, LocalDate today) {
      List<String> ids =
          plan == null ? List.of() : plan.goals().stream().map(g -> g.goalId().toString()).toList();
      return new ProgressForm(
          today.minusDays(30).toString(),
          today.toString(),
          Engagement.ENGAGED.name(),
          null,
          ids,
          ids.stream().map(id -> "").toList(),
          null);
    }

    record Parsed(ProgressReport.Content content, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      LocalDate from = FormValues.date("periodFrom", periodFrom, violations);
      LocalDate to = FormValues.date("periodTo", periodTo, violations);
      Engagement e = FormValues.choice("engagement", engagement, Engagement.class, violations);
      List<GoalProgress> goals = new ArrayList<>();
      List<String> ratings = goalRatings == null ? List.of() : goalRatings;
      for (int i = 0; i < ratings.size(); i++) {
        if (ratings.get(i) == null || ratings.get(i).isBlank()) {
          continue;
        }
        goals.add(
            new GoalProgress(
                FormValues.id("progressGoals", idAt(goalIds, i), violations),
                FormValues.choice(
                    "progressGoals", ratings.get(i), GoalProgressLevel.class, violations)));
      }
      return new Parsed(
          new ProgressReport.Content(from, to, e, progressSummary, goals), violations);
    }
  }

  record DrugTestForm(
      String collectedOn,
      String panel,
      String method,
      String specimenId,
      String testResult,
      List<String> found,
      String confirmation) {

    static final Set<String> FIELDS =
        Set.of(
            "collectedOn", "panel", "method", "specimenId", "testResult", "found", "confirmation");

    static final Map<String, String> RENAMED = Map.of("result", "testResult");

    static DrugTestForm empty(LocalDate today) {
      return new DrugTestForm(
          today.toString(),
          TestPanel.TEN_PANEL.name(),
          TestMethod.URINE.name(),
          null,
          DrugTestResult.NEGATIVE.name(),
          List.of(),
          TestConfirmation.NOT_SENT.name());
    }

    record Parsed(DrugTest.Content content, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      LocalDate day = FormValues.date("collectedOn", collectedOn, violations);
      TestPanel p = FormValues.choice("panel", panel, TestPanel.class, violations);
      TestMethod m = FormValues.choice("method", method, TestMethod.class, violations);
      DrugTestResult r =
          FormValues.choice("testResult", testResult, DrugTestResult.class, violations);
      TestConfirmation c =
          FormValues.choice("confirmation", confirmation, TestConfirmation.class, violations);
      Set<Substance> named = EnumSet.noneOf(Substance.class);
      for (String value : found == null ? List.<String>of() : found) {
        Substance s = FormValues.choice("found", value, Substance.class, violations);
        if (s != null) {
          named.add(s);
        }
      }
      return new Parsed(
          new DrugTest.Content(day, p, m, specimenId, Set.of(), named, r, c, null), violations);
    }
  }

  record DischargeForm(
      String dischargedOn,
      String dischargeReason,
      String dischargeSummary,
      List<String> goalIds,
      List<String> goalRatings,
      String version,
      String dischargeGoals) {

    static final Set<String> FIELDS =
        Set.of("dischargedOn", "dischargeReason", "dischargeSummary", "dischargeGoals");

    static final Map<String, String> RENAMED =
        Map.of(
            "reason", "dischargeReason", "summary", "dischargeSummary", "goals", "dischargeGoals");

    static DischargeForm of(TreatmentPlan plan, LocalDate today, long version) {
      List<String> ids =
          plan == null ? List.of() : plan.goals().stream().map(g -> g.goalId().toString()).toList();
      return new DischargeForm(
          today.toString(),
          EndReason.COMPLETED.name(),
          null,
          ids,
          ids.stream().map(id -> "").toList(),
          Long.toString(version),
          null);
    }

    record Parsed(Discharge.Content content, Long version, List<FieldViolation> violations) {}

    Parsed parse() {
      List<FieldViolation> violations = new ArrayList<>();
      LocalDate day = FormValues.date("dischargedOn", dischargedOn, violations);
      EndReason why =
          FormValues.choice("dischargeReason", dischargeReason, EndReason.class, violations);
      List<GoalOutcome> goals = new ArrayList<>();
      List<String> ratings = goalRatings == null ? List.of() : goalRatings;
      for (int i = 0; i < ratings.size(); i++) {
        if (ratings.get(i) == null || ratings.get(i).isBlank()) {
          continue;
        }
        goals.add(
            new GoalOutcome(
                FormValues.id("dischargeGoals", idAt(goalIds, i), violations),
                FormValues.choice(
                    "dischargeGoals", ratings.get(i), GoalAttainment.class, violations)));
      }
      return new Parsed(
          new Discharge.Content(day, why, dischargeSummary, goals),
          readVersion(version, violations),
          violations);
    }
  }

  private static String idAt(List<String> ids, int index) {
    return ids != null && index < ids.size() ? ids.get(index) : null;
  }

  static Instant instant(
      String dayField, String day, String timeField, String time, List<FieldViolation> violations) {
    LocalDate d = FormValues.date(dayField, day, violations);
    LocalTime t = FormValues.time(timeField, time, violations);
    return d == null || t == null ? null : d.atTime(t).toInstant(ZoneOffset.UTC);
  }

  static Integer number(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "required", "is required"));
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(field, "number", "must be a whole number"));
      return null;
    }
  }

  static Long readVersion(String value, List<FieldViolation> violations) {
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(null, "stale", "reload the page"));
      return null;
    }
  }
}

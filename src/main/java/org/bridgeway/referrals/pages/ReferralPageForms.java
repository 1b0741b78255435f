package org.bridgeway.referrals.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.referrals.lifecycle.DeclineReason;
import org.bridgeway.referrals.lifecycle.EndReason;
import org.bridgeway.referrals.lifecycle.IntakeMode;
import org.bridgeway.referrals.lifecycle.PreferredContact;
import org.bridgeway.referrals.lifecycle.Referral;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.referrals.lifecycle.Urgency;
import org.bridgeway.referrals.lifecycle.WithdrawReason;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.FormRejections;
import org.bridgeway.shared.web.FormValues;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * The forms of the referral pages, every field bound as text. Each value that cannot be read adds a
 * violation on its field and reads as null, so a form re-renders with everything typed; the service
 * checks the rest (lengths, required text) and its violations land on the same fields.
 */
final class ReferralPageForms {

  private ReferralPageForms() {}

  /** A parsed form: what the service gets, or the violations. */
  record Parsed<T>(T value, Long version, List<FieldViolation> violations) {}

  /**
   * The draft: few fields required (the need, the reason), the rest defaulted (routine, by phone).
   */
  record DraftForm(
      String person,
      String service,
      String goal,
      String needDomain,
      String reason,
      String history,
      String riskInformation,
      List<String> sharedCategories,
      String urgency,
      String preferredContact,
      String eligibilityJustification) {

    static final Set<String> FIELDS =
        Set.of(
            "needDomain",
            "reason",
            "history",
            "riskInformation",
            "sharedCategories",
            "urgency",
            "preferredContact",
            "eligibilityJustification",
            "service");

    static DraftForm start(UUID person, UUID service, NeedDomain need, UUID goal) {
      return new DraftForm(
          person == null ? null : person.toString(),
          service == null ? null : service.toString(),
          goal == null ? null : goal.toString(),
          need == null ? null : need.name(),
          null,
          null,
          null,
          List.of(),
          Urgency.ROUTINE.name(),
          PreferredContact.PHONE.name(),
          null);
    }

    UUID personId(List<FieldViolation> violations) {
      UUID id = FormValues.id("person", person, violations);
      if (id == null && violations.isEmpty()) {
        violations.add(new FieldViolation("person", "required", "is required"));
      }
      return id;
    }

    Parsed<ReferralRecords.Draft> parse() {
      List<FieldViolation> violations = new ArrayList<>();
      UUID serviceId = FormValues.id("service", service, violations);
      UUID goalId = FormValues.id("goal", goal, violations);
      NeedDomain need = FormValues.choice("needDomain", needDomain, NeedDomain.class, violations);
      String why = FormValues.text("reason", reason, Referral.MAX_TEXT, true, violations);
      String past = FormValues.text("history", history, Referral.MAX_HISTORY, false, violations);
      String risk =
          FormValues.text("riskInformation", riskInformation, Referral.MAX_TEXT, false, violations);
      Set<InformationCategory> shared = EnumSet.noneOf(InformationCategory.class);
      for (String value : sharedCategories == null ? List.<String>of() : sharedCategories) {
        InformationCategory category =
            FormValues.choice("sharedCategories", value, InformationCategory.class, violations);
        if (category != null) {
          shared.add(category);
        }
      }
      Urgency soon = FormValues.choice("urgency", urgency, Urgency.class, violations);
      PreferredContact contact =
          FormValues.choice(
              "preferredContact", preferredContact, PreferredContact.class, violations);
      FormValues.text(
          "eligibilityJustification",
          eligibilityJustification,
          Referral.MAX_JUSTIFICATION,
          false,
          violations);
      return new Parsed<>(
          new ReferralRecords.Draft(
              serviceId == null ? null : new ServiceId(serviceId),
              need,
              goalId,
              why,
              past,
              risk,
              shared,
              soon,
              contact),
          null,
          violations);
    }
  }

  /** Sends a draft; the justification overrides an ineligible verdict. */
  record SendForm(String eligibilityJustification, String version) {

    static final Set<String> FIELDS = Set.of("eligibilityJustification", "service");

    Parsed<ReferralRecords.Send> parse() {
      List<FieldViolation> violations = new ArrayList<>();
      FormValues.text(
          "eligibilityJustification",
          eligibilityJustification,
          Referral.MAX_JUSTIFICATION,
          false,
          violations);
      return new Parsed<>(
          new ReferralRecords.Send(eligibilityJustification),
          readVersion(version, violations),
          violations);
    }
  }

  /** Records a draft as sent to a provider off the platform. */
  record OffPlatformForm(String providerName, String providerPhone, String version) {

    static final Set<String> FIELDS = Set.of("providerName", "providerPhone");

    Parsed<ReferralRecords.SendOffPlatform> parse() {
      List<FieldViolation> violations = new ArrayList<>();
      String name =
          FormValues.text("providerName", providerName, Referral.MAX_NAME, true, violations);
      String phone = FormValues.text("providerPhone", providerPhone, 40, true, violations);
      return new Parsed<>(
          new ReferralRecords.SendOffPlatform(name, phone),
          readVersion(version, violations),
          violations);
    }
  }

  /** Amends a sent referral: the fields as they stand now, and why they change. */
  record AmendForm(
      String reason,
      String history,
      String riskInformation,
      String urgency,
      String preferredContact,
      String amendmentReason,
      String version) {

    static final Set<String> FIELDS =
        Set.of(
            "reason",
            "history",
            "riskInformation",
            "urgency",
            "preferredContact",
            "amendmentReason");

    Parsed<ReferralRecords.Amend> parse() {
      List<FieldViolation> violations = new ArrayList<>();
      String why = FormValues.text("reason", reason, Referral.MAX_TEXT, true, violations);
      String past = FormValues.text("history", history, Referral.MAX_HISTORY, false, violations);
      String risk =
          FormValues.text("riskInformation", riskInformation, Referral.MAX_TEXT, false, violations);
      Urgency soon = FormValues.choice("urgency", urgency, Urgency.class, violations);
      PreferredContact contact =
          FormValues.choice(
              "preferredContact", preferredContact, PreferredContact.class, violations);
      String because =
          FormValues.text("amendmentReason", amendmentReason, Referral.MAX_TEXT, true, violations);
      return new Parsed<>(
          new ReferralRecords.Amend(why, past, risk, soon, contact, because),
          readVersion(version, violations),
          violations);
    }
  }

  /**
   * A coded reason with free text (withdrawing, declining, ending early). Each form names its
   * fields after itself, so that several can share a page with distinct ids.
   */
  record CodedNote<E extends Enum<E>>(E reason, String note) {}

  static <E extends Enum<E>> Parsed<CodedNote<E>> codedNote(
      String reasonField,
      String reason,
      String noteField,
      String note,
      String version,
      Class<E> type) {
    List<FieldViolation> violations = new ArrayList<>();
    E code = FormValues.choice(reasonField, reason, type, violations);
    String text = FormValues.text(noteField, note, Referral.MAX_TEXT, true, violations);
    return new Parsed<>(new CodedNote<>(code, text), readVersion(version, violations), violations);
  }

  record WithdrawForm(String withdrawReason, String withdrawNote, String version) {

    static final Set<String> FIELDS = Set.of("withdrawReason", "withdrawNote");
    static final Map<String, String> RENAMED =
        Map.of("reason", "withdrawReason", "note", "withdrawNote");

    static WithdrawForm empty(long version) {
      return new WithdrawForm("", null, Long.toString(version));
    }

    Parsed<CodedNote<WithdrawReason>> parse() {
      return codedNote(
          "withdrawReason",
          withdrawReason,
          "withdrawNote",
          withdrawNote,
          version,
          WithdrawReason.class);
    }
  }

  record DeclineForm(String declineReason, String declineNote, String version) {

    static final Set<String> FIELDS = Set.of("declineReason", "declineNote");
    static final Map<String, String> RENAMED =
        Map.of("reason", "declineReason", "note", "declineNote");

    static DeclineForm empty(long version) {
      return new DeclineForm("", null, Long.toString(version));
    }

    Parsed<CodedNote<DeclineReason>> parse() {
      return codedNote(
          "declineReason", declineReason, "declineNote", declineNote, version, DeclineReason.class);
    }
  }

  record EndForm(String endReason, String endNote, String version) {

    static final Set<String> FIELDS = Set.of("endReason", "endNote");
    static final Map<String, String> RENAMED = Map.of("reason", "endReason", "note", "endNote");

    static EndForm empty(long version) {
      return new EndForm("", null, Long.toString(version));
    }

    Parsed<CodedNote<EndReason>> parse() {
      return codedNote("endReason", endReason, "endNote", endNote, version, EndReason.class);
    }
  }

  /** A step that needs nothing but the version read (accept, start), or an optional note. */
  record StepForm(String completeNote, String version) {

    static final Set<String> FIELDS = Set.of("completeNote");
    static final Map<String, String> RENAMED = Map.of("note", "completeNote");

    static StepForm empty(long version) {
      return new StepForm(null, Long.toString(version));
    }

    Parsed<String> parse() {
      List<FieldViolation> violations = new ArrayList<>();
      String text =
          FormValues.text("completeNote", completeNote, Referral.MAX_TEXT, false, violations);
      return new Parsed<>(text, readVersion(version, violations), violations);
    }
  }

  /** Assigns a caseworker of the provider. */
  record AssignForm(String caseworkerId, String version) {

    static final Set<String> FIELDS = Set.of("caseworkerId");

    Parsed<UUID> parse() {
      List<FieldViolation> violations = new ArrayList<>();
      UUID id = FormValues.id("caseworkerId", caseworkerId, violations);
      if (id == null && violations.isEmpty()) {
        violations.add(new FieldViolation("caseworkerId", "required", "is required"));
      }
      return new Parsed<>(id, readVersion(version, violations), violations);
    }
  }

  /** Waitlists with an estimated date. */
  record WaitlistForm(String estimatedDate, String version) {

    static final Set<String> FIELDS = Set.of("estimatedDate");

    Parsed<LocalDate> parse() {
      List<FieldViolation> violations = new ArrayList<>();
      LocalDate day = FormValues.date("estimatedDate", estimatedDate, violations);
      return new Parsed<>(day, readVersion(version, violations), violations);
    }
  }

  /** Schedules the intake: day, time, mode and place, in the application's time zone. */
  record IntakeForm(
      String intakeDate, String intakeTime, String mode, String place, String version) {

    static final Set<String> FIELDS = Set.of("intakeDate", "intakeTime", "mode", "place");

    static IntakeForm empty(long version) {
      return new IntakeForm(null, null, IntakeMode.IN_PERSON.name(), null, Long.toString(version));
    }

    Parsed<ReferralRecords.Intake> parse(ZoneId zone) {
      List<FieldViolation> violations = new ArrayList<>();
      LocalDate day = FormValues.date("intakeDate", intakeDate, violations);
      LocalTime time = FormValues.time("intakeTime", intakeTime, violations);
      IntakeMode how = FormValues.choice("mode", mode, IntakeMode.class, violations);
      String where = FormValues.text("place", place, Referral.MAX_NAME, false, violations);
      Instant at = day == null || time == null ? null : day.atTime(time).atZone(zone).toInstant();
      return new Parsed<>(
          new ReferralRecords.Intake(at, how, where), readVersion(version, violations), violations);
    }
  }

  /** The provider's response deadline. */
  record SettingsForm(String responseBusinessDays, String reminderHours, String version) {

    static final Set<String> FIELDS = Set.of("responseBusinessDays", "reminderHours");

    Parsed<int[]> parse() {
      List<FieldViolation> violations = new ArrayList<>();
      Integer days = number("responseBusinessDays", responseBusinessDays, violations);
      Integer hours = number("reminderHours", reminderHours, violations);
      return new Parsed<>(
          days == null || hours == null ? null : new int[] {days, hours},
          readVersion(version, violations),
          violations);
    }
  }

  static Integer number(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "required", "is required"));
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(field, "number", "must be a whole number"));
      return null;
    }
  }

  static Long readVersion(String value, List<FieldViolation> violations) {
    try {
      return Long.valueOf(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(null, "stale", "reload the page"));
      return null;
    }
  }

  /** Rejects each violation on its form field, or on the form (see {@link FormRejections}). */
  static void reject(
      List<FieldViolation> violations,
      BindingResult errors,
      Set<String> formFields,
      Map<String, String> renamed,
      MessageSource messages) {
    FormRejections.reject(
        violations, errors, formFields, renamed, messages, "referralPages.error", "referralPages");
  }
}

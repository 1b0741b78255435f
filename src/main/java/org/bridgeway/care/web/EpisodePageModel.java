package org.bridgeway.care.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareRecords;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.record.Engagement;
import org.bridgeway.care.record.GoalAttainment;
import org.bridgeway.care.record.GoalProgressLevel;
import org.bridgeway.care.record.LevelOfCare;
import org.bridgeway.care.record.ProviderRecords;
import org.bridgeway.care.record.TestConfirmation;
import org.bridgeway.care.record.TestMethod;
import org.bridgeway.care.record.TestPanel;
import org.bridgeway.care.record.TreatmentPlan;
import org.bridgeway.care.session.AppointmentBook;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.care.session.ChangeParty;
import org.bridgeway.care.session.Concern;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.identity.BridgewayPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the provider's episode page shows (the episode, its free-text reports, appointments, plan,
 * progress, tests and discharge) and the empty forms and choices of its sections, for the
 * controllers that render it after a read or a rejected form.
 */
@Component
class EpisodePageModel {

  private final CareRecords care;
  private final AppointmentBook book;
  private final ProviderRecords records;
  private final MessageSource messages;
  private final Clock clock;

  EpisodePageModel(
      CareRecords care,
      AppointmentBook book,
      ProviderRecords records,
      MessageSource messages,
      Clock clock) {
    this.care = care;
    this.book = book;
    this.records = records;
    this.messages = messages;
    this.clock = clock;
  }

  void fill(BridgewayPrincipal principal, UUID id, Model model) {
    TreatmentEpisodeId episodeId = new TreatmentEpisodeId(id);
    CareRecords.EpisodeAtProvider found = care.episodeAtProvider(principal, episodeId);
    ProviderRecords.EpisodeRecords kept = records.recordsOf(principal, episodeId);
    LocalDate today = LocalDate.now(clock);
    TreatmentPlan plan = kept.plan().orElse(null);
    long version = found.episode().version();
    model.addAttribute("found", found);
    model.addAttribute("episodeId", id);
    model.addAttribute("appointments", book.appointmentsOf(principal, episodeId));
    model.addAttribute("records", kept);
    model.addAttribute("plan", plan);
    model.addAttribute("now", clock.instant());
    add(model, "reportForm", CareForms.ReportForm.empty());
    add(model, "endForm", CareForms.EndForm.empty(version));
    add(model, "scheduleForm", RecordForms.ScheduleForm.empty());
    add(model, "planForm", RecordForms.PlanForm.of(plan, today));
    add(model, "progressForm", RecordForms.ProgressForm.of(plan, today));
    add(model, "testForm", RecordForms.DrugTestForm.empty(today));
    add(model, "dischargeForm", RecordForms.DischargeForm.of(plan, today, version));
    model.addAttribute(
        "categoryOptions", options(InformationCategory.values(), c -> "care.category." + c.name()));
    List<List<String>> results =
        new ArrayList<>(List.of(List.of("", text("care.page.result.none"))));
    results.addAll(options(DrugTestResult.values(), DrugTestResult::messageKey));
    model.addAttribute("resultOptions", results);
    model.addAttribute(
        "testResultOptions", options(DrugTestResult.values(), DrugTestResult::messageKey));
    model.addAttribute("substanceOptions", options(Substance.values(), Substance::messageKey));
    model.addAttribute("endReasonOptions", options(EndReason.values(), EndReason::messageKey));
    model.addAttribute(
        "kindOptions", options(AppointmentKind.values(), AppointmentKind::messageKey));
    model.addAttribute(
        "modeOptions", options(AppointmentMode.values(), AppointmentMode::messageKey));
    model.addAttribute("levelOptions", options(LevelOfCare.values(), LevelOfCare::messageKey));
    model.addAttribute("engagementOptions", options(Engagement.values(), Engagement::messageKey));
    model.addAttribute(
        "progressOptions", blankFirst(GoalProgressLevel.values(), GoalProgressLevel::messageKey));
    model.addAttribute(
        "attainmentOptions", blankFirst(GoalAttainment.values(), GoalAttainment::messageKey));
    model.addAttribute("panelOptions", options(TestPanel.values(), TestPanel::messageKey));
    model.addAttribute("methodOptions", options(TestMethod.values(), TestMethod::messageKey));
    model.addAttribute(
        "confirmationOptions", options(TestConfirmation.values(), TestConfirmation::messageKey));
  }

  /** The choices of an appointment's forms. */
  void appointmentChoices(Model model) {
    model.addAttribute("now", clock.instant());
    model.addAttribute(
        "outcomeOptions", options(AttendanceOutcome.values(), AttendanceOutcome::messageKey));
    model.addAttribute("concernOptions", options(Concern.values(), Concern::messageKey));
    model.addAttribute("partyOptions", options(ChangeParty.values(), ChangeParty::messageKey));
  }

  private static void add(Model model, String name, Object form) {
    if (!model.containsAttribute(name)) {
      model.addAttribute(name, form);
    }
  }

  private <E extends Enum<E>> List<List<String>> blankFirst(E[] values, Function<E, String> key) {
    List<List<String>> all = new ArrayList<>(List.of(List.of("", text("care.page.goal.notRated"))));
    all.addAll(options(values, key));
    return all;
  }

  <E extends Enum<E>> List<List<String>> options(E[] values, Function<E, String> key) {
    return Arrays.stream(values).map(v -> List.of(v.name(), text(key.apply(v)))).toList();
  }

  String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}

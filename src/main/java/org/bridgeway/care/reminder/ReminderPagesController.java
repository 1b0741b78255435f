package org.bridgeway.care.reminder;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.FormRejections;
import org.bridgeway.shared.web.FormValues;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's appointment reminders for the supervising agency's staff: the contact details the
 * person's record holds, the reminder preferences with their form, opt-outs, and the reminders sent
 * with their delivery status.
 */
@Controller
class ReminderPagesController {

  private static final String PAGE = "care/reminders";

  record PreferencesForm(
      Boolean sms, Boolean email, String timeZone, Boolean nameProvider, String version) {

    static final Set<String> FIELDS = Set.of("sms", "email", "timeZone", "nameProvider");
  }

  private final ReminderSettings settings;
  private final AppointmentReminders reminders;
  private final SupervisedPeople people;
  private final MessageSource messages;

  ReminderPagesController(
      ReminderSettings settings,
      AppointmentReminders reminders,
      SupervisedPeople people,
      MessageSource messages) {
    this.settings = settings;
    this.reminders = reminders;
    this.people = people;
    this.messages = messages;
  }

  @GetMapping("/care/people/{id}/reminders")
  @PreAuthorize(ReminderRoles.AGENCY_STAFF)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    ReminderSettings.Settings shown = settings.settingsOf(principal, new PersonId(id));
    if (!model.containsAttribute("preferencesForm")) {
      ReminderPreference p = shown.preference();
      model.addAttribute(
          "preferencesForm",
          new PreferencesForm(
              p.wants(ReminderChannel.SMS),
              p.wants(ReminderChannel.EMAIL),
              p.zone().getId(),
              p.nameProvider(),
              p.version() == null ? "" : p.version().toString()));
    }
    addPageModel(principal, id, shown, model);
    return PAGE;
  }

  @PostMapping("/care/people/{id}/reminders")
  @PreAuthorize(ReminderRoles.AGENCY_STAFF)
  String change(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("preferencesForm") PreferencesForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    PersonId person = new PersonId(id);
    Long version = null;
    if (form.version() != null && !form.version().isBlank()) {
      try {
        version = Long.parseLong(form.version().strip());
      } catch (NumberFormatException e) {
        errors.reject("care.stale", text("care.reminder.error.stale"));
      }
    }
    if (!errors.hasErrors()) {
      try {
        settings.change(
            principal,
            person,
            new ReminderSettings.Change(
                Boolean.TRUE.equals(form.sms()),
                Boolean.TRUE.equals(form.email()),
                form.timeZone(),
                Boolean.TRUE.equals(form.nameProvider()),
                version));
        redirect.addFlashAttribute("saved", "preferences");
        return "redirect:/care/people/" + id + "/reminders";
      } catch (CareInputRejected rejected) {
        reject(rejected.violations(), errors);
      } catch (OptimisticLockingFailureException stale) {
        errors.reject("care.stale", text("care.reminder.error.stale"));
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        addPageModel(principal, id, settings.settingsOf(principal, person), model);
        return PAGE;
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addPageModel(principal, id, settings.settingsOf(principal, person), model);
    return PAGE;
  }

  @PostMapping("/care/people/{id}/reminders/stop")
  @PreAuthorize(ReminderRoles.AGENCY_STAFF)
  String stop(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(name = "channel", required = false) String channel,
      RedirectAttributes redirect) {
    List<FieldViolation> violations = new java.util.ArrayList<>();
    ReminderChannel chosen =
        FormValues.choice("channel", channel, ReminderChannel.class, violations);
    settings.optOut(principal, new PersonId(id), chosen == null ? ReminderChannel.SMS : chosen);
    redirect.addFlashAttribute("saved", "optOut");
    return "redirect:/care/people/" + id + "/reminders";
  }

  private void addPageModel(
      BridgewayPrincipal principal, UUID id, ReminderSettings.Settings shown, Model model) {
    model.addAttribute("person", people.visibleTo(principal, new PersonId(id)));
    model.addAttribute("personId", id);
    model.addAttribute("settings", shown);
    model.addAttribute("reminders", reminders.remindersOf(principal, new PersonId(id)));
  }

  private void reject(List<FieldViolation> violations, BindingResult errors) {
    FormRejections.reject(
        violations,
        errors,
        PreferencesForm.FIELDS,
        Map.of(),
        messages,
        "care.reminder.error",
        "care");
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}

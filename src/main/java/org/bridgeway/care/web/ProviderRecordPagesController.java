package org.bridgeway.care.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.CareRecords;
import org.bridgeway.care.record.ProviderRecords;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentBook;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provider's record forms: on the episode page, schedule an appointment, write the plan, post
 * progress and tests, discharge; on an appointment's page, record attendance, move or cancel it. A
 * form with faults re-renders its page with 400 and each fault beside its field; a stale form 409.
 */
@Controller
@PreAuthorize(CareRoles.PROVIDER_STAFF)
class ProviderRecordPagesController {

  private static final String EPISODE = "care/provider-episode";
  private static final String APPOINTMENT = "care/provider-appointment";

  private final AppointmentBook book;
  private final ProviderRecords records;
  private final CareRecords care;
  private final EpisodePageModel page;
  private final MessageSource messages;

  ProviderRecordPagesController(
      AppointmentBook book,
      ProviderRecords records,
      CareRecords care,
      EpisodePageModel page,
      MessageSource messages) {
    this.book = book;
    this.records = records;
    this.care = care;
    this.page = page;
    this.messages = messages;
  }

  @PostMapping("/care/provider/episodes/{id}/appointments")
  String schedule(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("scheduleForm") RecordForms.ScheduleForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    RecordForms.ScheduleForm.Parsed parsed = form.parse();
    return episodeForm(
        principal,
        id,
        parsed.violations(),
        RecordForms.ScheduleForm.FIELDS,
        RecordForms.RENAMED,
        errors,
        response,
        model,
        redirect,
        "appointment",
        () -> book.schedule(principal, new TreatmentEpisodeId(id), parsed.details()));
  }

  @PostMapping("/care/provider/episodes/{id}/plan")
  String plan(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("planForm") RecordForms.PlanForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    RecordForms.PlanForm.Parsed parsed = form.parse();
    return episodeForm(
        principal,
        id,
        parsed.violations(),
        RecordForms.PlanForm.FIELDS,
        RecordForms.PlanForm.RENAMED,
        errors,
        response,
        model,
        redirect,
        "plan",
        () ->
            records.writePlan(
                principal, new TreatmentEpisodeId(id), parsed.content(), parsed.revises()));
  }

  @PostMapping("/care/provider/episodes/{id}/progress")
  String progress(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("progressForm") RecordForms.ProgressForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    RecordForms.ProgressForm.Parsed parsed = form.parse();
    return episodeForm(
        principal,
        id,
        parsed.violations(),
        RecordForms.ProgressForm.FIELDS,
        RecordForms.ProgressForm.RENAMED,
        errors,
        response,
        model,
        redirect,
        "progress",
        () -> records.postProgress(principal, new TreatmentEpisodeId(id), parsed.content()));
  }

  @PostMapping("/care/provider/episodes/{id}/drug-tests")
  String test(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("testForm") RecordForms.DrugTestForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    RecordForms.DrugTestForm.Parsed parsed = form.parse();
    return episodeForm(
        principal,
        id,
        parsed.violations(),
        RecordForms.DrugTestForm.FIELDS,
        RecordForms.DrugTestForm.RENAMED,
        errors,
        response,
        model,
        redirect,
        "test",
        () -> records.postTest(principal, new TreatmentEpisodeId(id), parsed.content()));
  }

  @PostMapping("/care/provider/episodes/{id}/discharge")
  String discharge(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("dischargeForm") RecordForms.DischargeForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    RecordForms.DischargeForm.Parsed parsed = form.parse();
    return episodeForm(
        principal,
        id,
        parsed.violations(),
        RecordForms.DischargeForm.FIELDS,
        RecordForms.DischargeForm.RENAMED,
        errors,
        response,
        model,
        redirect,
        "discharge",
        () ->
            records.discharge(
                principal, new TreatmentEpisodeId(id), parsed.content(), parsed.version()));
  }

  @GetMapping("/care/provider/episodes/{id}/appointments/{appointmentId}")
  String appointment(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID appointmentId,
      Model model) {
    addAppointmentModel(principal, id, appointmentId, model);
    return APPOINTMENT;
  }

  @PostMapping("/care/provider/episodes/{id}/appointments/{appointmentId}/attendance")
  String attendance(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID appointmentId,
      @ModelAttribute("attendanceForm") RecordForms.AttendanceForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    RecordForms.AttendanceForm.Parsed parsed = form.parse();
    return appointmentForm(
        principal,
        id,
        appointmentId,
        parsed.violations(),
        RecordForms.AttendanceForm.FIELDS,
        RecordForms.RENAMED,
        errors,
        response,
        model,
        redirect,
        "attendance",
        () ->
            book.recordAttendance(
                principal,
                new TreatmentEpisodeId(id),
                new AppointmentId(appointmentId),
                parsed.entry(),
                parsed.version()));
  }

  @PostMapping("/care/provider/episodes/{id}/appointments/{appointmentId}/reschedule")
  String reschedule(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID appointmentId,
      @ModelAttribute("rescheduleForm") RecordForms.RescheduleForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    RecordForms.RescheduleForm.Parsed parsed = form.parse();
    return appointmentForm(
        principal,
        id,
        appointmentId,
        parsed.violations(),
        RecordForms.RescheduleForm.FIELDS,
        RecordForms.RescheduleForm.RENAMED,
        errors,
        response,
        model,
        redirect,
        "rescheduled",
        () ->
            book.reschedule(
                principal,
                new TreatmentEpisodeId(id),
                new AppointmentId(appointmentId),
                parsed.startsAt(),
                parsed.requestedBy(),
                parsed.reason(),
                parsed.version()));
  }

  @PostMapping("/care/provider/episodes/{id}/appointments/{appointmentId}/cancel")
  String cancel(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID appointmentId,
      @ModelAttribute("cancelForm") RecordForms.CancelForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    RecordForms.CancelForm.Parsed parsed = form.parse();
    return appointmentForm(
        principal,
        id,
        appointmentId,
        parsed.violations(),
        RecordForms.CancelForm.FIELDS,
        RecordForms.CancelForm.RENAMED,
        errors,
        response,
        model,
        redirect,
        "cancelled",
        () ->
            book.cancel(
                principal,
                new TreatmentEpisodeId(id),
                new AppointmentId(appointmentId),
                parsed.requestedBy(),
                parsed.reason(),
                parsed.version()));
  }

  private String episodeForm(
      BridgewayPrincipal principal,
      UUID id,
      List<FieldViolation> violations,
      Set<String> fields,
      Map<String, String> renamed,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect,
      String saved,
      Supplier<?> write) {
    care.episodeAtProvider(principal, new TreatmentEpisodeId(id));
    if (submit(violations, fields, renamed, errors, response, write)) {
      redirect.addFlashAttribute("saved", saved);
      return "redirect:/care/provider/episodes/" + id;
    }
    page.fill(principal, id, model);
    return EPISODE;
  }

  private String appointmentForm(
      BridgewayPrincipal principal,
      UUID id,
      UUID appointmentId,
      List<FieldViolation> violations,
      Set<String> fields,
      Map<String, String> renamed,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect,
      String saved,
      Supplier<?> write) {
    book.appointment(principal, new TreatmentEpisodeId(id), new AppointmentId(appointmentId));
    if (submit(violations, fields, renamed, errors, response, write)) {
      redirect.addFlashAttribute("saved", saved);
      return "redirect:/care/provider/episodes/" + id + "/appointments/" + appointmentId;
    }
    addAppointmentModel(principal, id, appointmentId, model);
    return APPOINTMENT;
  }

  /** Writes if the form has no faults; otherwise rejects the faults and sets the status. */
  private boolean submit(
      List<FieldViolation> violations,
      Set<String> fields,
      Map<String, String> renamed,
      BindingResult errors,
      HttpServletResponse response,
      Supplier<?> write) {
    CareForms.reject(violations, errors, fields, renamed, messages);
    if (!errors.hasErrors()) {
      try {
        write.get();
        return true;
      } catch (CareInputRejected rejected) {
        CareForms.reject(rejected.violations(), errors, fields, renamed, messages);
      } catch (DomainRuleViolation rule) {
        CareForms.reject(rule, errors, messages);
        response.setStatus(422);
        return false;
      } catch (OptimisticLockingFailureException stale) {
        errors.reject(
            "care.stale",
            messages.getMessage("care.page.error.stale", null, LocaleContextHolder.getLocale()));
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return false;
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return false;
  }

  private void addAppointmentModel(
      BridgewayPrincipal principal, UUID id, UUID appointmentId, Model model) {
    Appointment appointment =
        book.appointment(principal, new TreatmentEpisodeId(id), new AppointmentId(appointmentId));
    model.addAttribute("appointment", appointment);
    model.addAttribute("episodeId", id);
    model.addAttribute(
        "person", care.episodeAtProvider(principal, new TreatmentEpisodeId(id)).episode().person());
    long version = appointment.version();
    if (!model.containsAttribute("attendanceForm")) {
      model.addAttribute("attendanceForm", RecordForms.AttendanceForm.empty(version));
    }
    if (!model.containsAttribute("rescheduleForm")) {
      model.addAttribute("rescheduleForm", RecordForms.RescheduleForm.empty(version));
    }
    if (!model.containsAttribute("cancelForm")) {
      model.addAttribute("cancelForm", RecordForms.CancelForm.empty(version));
    }
    page.appointmentChoices(model);
  }
}

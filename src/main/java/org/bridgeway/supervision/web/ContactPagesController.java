package org.bridgeway.supervision.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ContactId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.contact.Contact;
import org.bridgeway.supervision.contact.ContactKind;
import org.bridgeway.supervision.contact.ContactOutcome;
import org.bridgeway.supervision.contact.ContactRecords;
import org.springframework.context.MessageSource;
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
 * A case's contacts for its officer: when the next one is due, the contacts so far, and forms to
 * schedule one and to record what happened.
 */
@Controller
class ContactPagesController {

  private static final String PAGE = "supervision/contacts";

  private final ContactRecords contacts;
  private final MessageSource messages;
  private final Clock clock;

  ContactPagesController(ContactRecords contacts, MessageSource messages, Clock clock) {
    this.contacts = contacts;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/supervision/cases/{id}/contacts")
  @PreAuthorize(SupervisionRoles.STAFF)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    if (!model.containsAttribute("scheduleForm")) {
      model.addAttribute("scheduleForm", ContactForms.ScheduleForm.empty());
    }
    if (!model.containsAttribute("outcomeForm")) {
      model.addAttribute("outcomeForm", ContactForms.OutcomeForm.empty());
    }
    addPageModel(principal, id, model);
    return PAGE;
  }

  @PostMapping("/supervision/cases/{id}/contacts")
  @PreAuthorize(SupervisionRoles.STAFF)
  String schedule(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("scheduleForm") ContactForms.ScheduleForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    ContactForms.ScheduleForm.Parsed parsed = form.parse(clock.getZone());
    PageErrors.reject(
        parsed.violations(), errors, ContactForms.ScheduleForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        contacts.schedule(principal, new CaseId(id), parsed.kind(), parsed.at(), parsed.location());
        redirect.addFlashAttribute("saved", "scheduled");
        return "redirect:/supervision/cases/" + id + "/contacts";
      } catch (DomainRuleViolation rule) {
        PageErrors.reject(rule, errors, ContactForms.ScheduleForm.FIELDS, messages);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("outcomeForm", ContactForms.OutcomeForm.empty());
    addPageModel(principal, id, model);
    return PAGE;
  }

  @PostMapping("/supervision/cases/{id}/contacts/outcome")
  @PreAuthorize(SupervisionRoles.STAFF)
  String record(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("outcomeForm") ContactForms.OutcomeForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    ContactForms.OutcomeForm.Parsed parsed = form.parse(clock.getZone());
    PageErrors.reject(
        parsed.violations(), errors, ContactForms.OutcomeForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        contacts.record(
            principal,
            new CaseId(id),
            new ContactId(parsed.contact().id()),
            parsed.at(),
            parsed.outcome(),
            parsed.notes(),
            null,
            parsed.contact().version());
        redirect.addFlashAttribute("saved", "recorded");
        return "redirect:/supervision/cases/" + id + "/contacts";
      } catch (SupervisionInputRejected rejected) {
        PageErrors.reject(
            rejected.violations(),
            errors,
            ContactForms.OutcomeForm.FIELDS,
            Map.of("happenedAt", "happenedDate"),
            messages);
      } catch (DomainRuleViolation rule) {
        PageErrors.reject(rule, errors, ContactForms.OutcomeForm.FIELDS, messages);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("scheduleForm", ContactForms.ScheduleForm.empty());
    addPageModel(principal, id, model);
    return PAGE;
  }

  private void addPageModel(BridgewayPrincipal principal, UUID id, Model model) {
    ContactRecords.CaseContacts found = contacts.contactsOf(principal, new CaseId(id));
    List<Contact> scheduled = found.contacts().stream().filter(c -> !c.isRecorded()).toList();
    model.addAttribute("found", found);
    model.addAttribute("caseId", id);
    model.addAttribute("scheduled", scheduled);
    model.addAttribute("zone", clock.getZone().getId());
    model.addAttribute("now", Instant.now(clock));
    model.addAttribute(
        "contactOptions",
        scheduled.stream()
            .map(
                c ->
                    List.of(
                        c.id() + ":" + c.version(),
                        PageOptions.dateTime(c.scheduledFor(), clock.getZone())
                            + " – "
                            + PageOptions.text(c.kind().messageKey(), messages)))
            .toList());
    model.addAttribute(
        "kinds", PageOptions.of(ContactKind.values(), ContactKind::messageKey, messages));
    model.addAttribute(
        "outcomes", PageOptions.of(ContactOutcome.values(), ContactOutcome::messageKey, messages));
  }
}

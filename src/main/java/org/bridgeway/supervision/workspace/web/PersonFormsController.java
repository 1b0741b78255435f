package org.bridgeway.supervision.workspace.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.person.ContactMethod;
import org.bridgeway.supervision.person.Ethnicity;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.supervision.person.PossibleDuplicates;
import org.bridgeway.supervision.person.Race;
import org.springframework.context.MessageSource;
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
 * Entering a person (with the duplicate check: the candidates are shown and the officer confirms
 * "enter anyway") and correcting a person's record (a stale edit says so and changes nothing).
 */
@Controller
class PersonFormsController {

  private final PersonRecords people;
  private final MessageSource messages;
  private final Clock clock;

  PersonFormsController(PersonRecords people, MessageSource messages, Clock clock) {
    this.people = people;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/supervision/people/new")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String newPerson(Model model) {
    model.addAttribute("personForm", PersonForm.empty());
    return form(model, null);
  }

  @PostMapping("/supervision/people")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String enter(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @ModelAttribute("personForm") PersonForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    PersonForm.Parsed parsed = form.parse(null, false, LocalDate.now(clock));
    FormErrors.reject(parsed.violations(), errors, parsed.fields(), messages);
    if (!errors.hasErrors()) {
      try {
        Person person =
            people.enter(principal, parsed.details(), Boolean.TRUE.equals(form.createAnyway()));
        redirect.addFlashAttribute("saved", "entered");
        return "redirect:/supervision/people/" + person.id();
      } catch (PossibleDuplicates duplicates) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("candidates", duplicates.candidates());
        return form(model, null);
      } catch (SupervisionInputRejected rejected) {
        FormErrors.reject(rejected.violations(), errors, parsed.fields(), messages);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form(model, null);
  }

  @GetMapping("/supervision/people/{id}/edit")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String edit(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    Person person = people.read(principal, new PersonId(id));
    model.addAttribute("personForm", PersonForm.of(person.details(), person.version()));
    return form(model, person);
  }

  @PostMapping("/supervision/people/{id}/edit")
  @PreAuthorize(WorkspaceRoles.STAFF)
  String revise(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("personForm") PersonForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    PersonId personId = new PersonId(id);
    Person person = people.visible(principal, personId);
    PersonForm.Parsed parsed = form.parse(person.details(), true, LocalDate.now(clock));
    FormErrors.reject(parsed.violations(), errors, parsed.fields(), messages);
    if (!errors.hasErrors()) {
      try {
        people.revise(principal, personId, parsed.details(), parsed.version());
        redirect.addFlashAttribute("saved", "updated");
        return "redirect:/supervision/people/" + id;
      } catch (OptimisticLockingFailureException stale) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        errors.reject(
            "workspace.stale",
            FormErrors.message(null, "stale", "The record changed since you opened it.", messages));
        return form(model, person);
      } catch (SupervisionInputRejected rejected) {
        FormErrors.reject(rejected.violations(), errors, parsed.fields(), messages);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return form(model, person);
  }

  private static String form(Model model, Person person) {
    model.addAttribute("person", person);
    model.addAttribute("genders", Gender.values());
    model.addAttribute("contactMethods", ContactMethod.values());
    model.addAttribute("raceValues", Race.values());
    model.addAttribute("ethnicityValues", Ethnicity.values());
    if (!model.containsAttribute("candidates")) {
      model.addAttribute("candidates", List.of());
    }
    return "supervision/workspace/person-form";
  }
}

package org.bridgeway.outcomes.event.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.OutcomeEventKind;
import org.bridgeway.outcomes.event.DuplicateOutcomeEvent;
import org.bridgeway.outcomes.event.EventInputRejected;
import org.bridgeway.outcomes.event.EventMessages;
import org.bridgeway.outcomes.event.HousingStatus;
import org.bridgeway.outcomes.event.OutcomeEventEntries;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's outcomes page: the events recorded for the person (entered, derived, imported), the
 * form to record one, and the retraction of an event entered in error. Redirect after a change; a
 * rejected form is shown again with every error beside its field.
 */
@Controller
@RequestMapping("/outcomes/people/{personId}/events")
class OutcomeEventPagesController {

  /** The form as typed: text, so that a wrong value is shown back with its error. */
  record EventForm(
      String kind, String occurredOn, String offenseCategory, String housingStatus, String detail) {

    static EventForm empty() {
      return new EventForm(null, null, null, null, null);
    }
  }

  private final OutcomeEventEntries entries;
  private final EventMessages messages;
  private final Clock clock;

  OutcomeEventPagesController(OutcomeEventEntries entries, EventMessages messages, Clock clock) {
    this.entries = entries;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize(OutcomeEventApiController.STAFF)
  ModelAndView page(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID personId) {
    return page(principal, personId, EventForm.empty(), List.of(), HttpStatus.OK);
  }

  @PostMapping
  @PreAuthorize(OutcomeEventApiController.STAFF)
  ModelAndView record(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID personId,
      @ModelAttribute EventForm form,
      RedirectAttributes redirect) {
    List<FieldViolation> typing = new ArrayList<>();
    OutcomeEventKind kind = choice(OutcomeEventKind.class, form.kind(), "kind", typing);
    OffenseCategory offense =
        choice(OffenseCategory.class, form.offenseCategory(), "offenseCategory", typing);
    HousingStatus housing =
        choice(HousingStatus.class, form.housingStatus(), "housingStatus", typing);
    LocalDate occurredOn = null;
    if (form.occurredOn() != null && !form.occurredOn().isBlank()) {
      try {
        occurredOn = LocalDate.parse(form.occurredOn().strip());
      } catch (java.time.format.DateTimeParseException e) {
        typing.add(new FieldViolation("occurredOn", "TypeMismatch", messages.error("notADate")));
      }
    }
    if (!typing.isEmpty()) {
      // The page reads the person first: a hidden person is a 404 whatever the form says.
      return page(principal, personId, form, typing, HttpStatus.BAD_REQUEST);
    }
    try {
      entries.record(
          principal,
          new PersonId(personId),
          new OutcomeEventEntries.NewEvent(kind, occurredOn, offense, housing, form.detail()));
    } catch (EventInputRejected rejected) {
      return page(principal, personId, form, rejected.violations(), HttpStatus.BAD_REQUEST);
    } catch (DuplicateOutcomeEvent duplicate) {
      return page(
          principal,
          personId,
          form,
          List.of(new FieldViolation("kind", "Duplicate", duplicate.getMessage())),
          HttpStatus.CONFLICT);
    }
    redirect.addFlashAttribute("saved", "outcomes.events.page.saved");
    return new ModelAndView("redirect:/outcomes/people/" + personId + "/events");
  }

  @PostMapping("/{eventId}/retraction")
  @PreAuthorize(OutcomeEventApiController.STAFF)
  ModelAndView retract(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID personId,
      @PathVariable UUID eventId,
      @RequestParam(name = "reason", required = false) String reason,
      RedirectAttributes redirect) {
    try {
      entries.retract(principal, new PersonId(personId), eventId, reason);
    } catch (EventInputRejected rejected) {
      List<FieldViolation> violations = new ArrayList<>();
      for (FieldViolation violation : rejected.violations()) {
        violations.add(
            new FieldViolation("reason-" + eventId, violation.code(), violation.message()));
      }
      return page(principal, personId, EventForm.empty(), violations, HttpStatus.BAD_REQUEST);
    }
    redirect.addFlashAttribute("saved", "outcomes.events.page.retracted");
    return new ModelAndView("redirect:/outcomes/people/" + personId + "/events");
  }

  private ModelAndView page(
      BridgewayPrincipal principal,
      UUID personId,
      EventForm form,
      List<FieldViolation> errors,
      HttpStatus status) {
    OutcomeEventEntries.PersonEvents events = entries.list(principal, new PersonId(personId));
    ModelAndView page = new ModelAndView("outcomes/events");
    page.addObject("person", events.person());
    page.addObject("personId", personId);
    page.addObject("events", events.events());
    page.addObject("retracted", events.retracted());
    page.addObject("form", form);
    page.addObject("errors", errors);
    page.addObject("kinds", OutcomeEventKind.values());
    page.addObject("offenses", OffenseCategory.values());
    page.addObject("housings", HousingStatus.values());
    page.addObject("today", LocalDate.now(clock));
    page.setStatus(status);
    return page;
  }

  private <E extends Enum<E>> E choice(
      Class<E> type, String value, String field, List<FieldViolation> typing) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      typing.add(new FieldViolation(field, "Unknown", messages.error("unknownChoice")));
      return null;
    }
  }
}

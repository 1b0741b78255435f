package org.bridgeway.care.transition;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Transition pages. For the supervising agency: a person's transitions with the intake status of
 * each release (a gap flagged), and the forms to record a release or a hand-off. For providers: the
 * hand-offs they send or receive, and one hand-off with the transfer summary (written by the
 * sending provider; shown to the receiving one as far as the consent allows).
 */
@Controller
class TransitionPagesController {

  private static final String PERSON_PAGE = "care/transitions";
  private static final String PROVIDER_PAGE = "care/provider-transition";

  record ReleaseForm(
      String releasedOn, String intakeWithinDays, String referralId, String intakeEpisodeId) {

    static final Set<String> FIELDS =
        Set.of("releasedOn", "intakeWithinDays", "referralId", "intakeEpisodeId");

    Transitions.NewRelease parse(List<FieldViolation> violations) {
      LocalDate day = FormValues.date("releasedOn", releasedOn, violations);
      Integer window = null;
      if (intakeWithinDays != null && !intakeWithinDays.isBlank()) {
        try {
          window = Integer.parseInt(intakeWithinDays.strip());
        } catch (NumberFormatException e) {
          violations.add(new FieldViolation("intakeWithinDays", "number", "is not a number"));
        }
      }
      return new Transitions.NewRelease(
          day,
          window,
          optionalId("referralId", referralId, violations),
          optionalId("intakeEpisodeId", intakeEpisodeId, violations));
    }
  }

  record HandOffForm(
      String kind,
      String fromEpisodeId,
      String toEpisodeId,
      String overlapEndsOn,
      String referralId) {

    static final Set<String> FIELDS =
        Set.of("kind", "fromEpisodeId", "toEpisodeId", "overlapEndsOn", "referralId");

    Transitions.NewHandOff parse(List<FieldViolation> violations) {
      TransitionKind chosen = FormValues.choice("kind", kind, TransitionKind.class, violations);
      UUID from = optionalId("fromEpisodeId", fromEpisodeId, violations);
      UUID to = optionalId("toEpisodeId", toEpisodeId, violations);
      if (from == null && (fromEpisodeId == null || fromEpisodeId.isBlank())) {
        violations.add(new FieldViolation("fromEpisodeId", "required", "is required"));
      }
      if (to == null && (toEpisodeId == null || toEpisodeId.isBlank())) {
        violations.add(new FieldViolation("toEpisodeId", "required", "is required"));
      }
      LocalDate last = FormValues.date("overlapEndsOn", overlapEndsOn, violations);
      return new Transitions.NewHandOff(
          chosen, from, to, last, optionalId("referralId", referralId, violations));
    }
  }

  record SummaryForm(String summary, String version) {

    static final Set<String> FIELDS = Set.of("summary");
  }

  private final Transitions transitions;
  private final SupervisedPeople people;
  private final MessageSource messages;

  TransitionPagesController(
      Transitions transitions, SupervisedPeople people, MessageSource messages) {
    this.transitions = transitions;
    this.people = people;
    this.messages = messages;
  }

  @GetMapping("/care/people/{id}/transitions")
  @PreAuthorize(TransitionRoles.AGENCY_STAFF)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    if (!model.containsAttribute("releaseForm")) {
      model.addAttribute("releaseForm", new ReleaseForm(null, "3", null, null));
    }
    if (!model.containsAttribute("handOffForm")) {
      model.addAttribute("handOffForm", new HandOffForm("STEP_DOWN", null, null, null, null));
    }
    addPersonModel(principal, id, model);
    return PERSON_PAGE;
  }

  @PostMapping("/care/people/{id}/transitions/release")
  @PreAuthorize(TransitionRoles.AGENCY_STAFF)
  String release(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("releaseForm") ReleaseForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    List<FieldViolation> violations = new ArrayList<>();
    Transitions.NewRelease release = form.parse(violations);
    reject(violations, errors, ReleaseForm.FIELDS);
    if (!errors.hasErrors()) {
      try {
        transitions.recordRelease(principal, new PersonId(id), release);
        redirect.addFlashAttribute("saved", "release");
        return "redirect:/care/people/" + id + "/transitions";
      } catch (CareInputRejected rejected) {
        reject(rejected.violations(), errors, ReleaseForm.FIELDS);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("handOffForm", new HandOffForm("STEP_DOWN", null, null, null, null));
    addPersonModel(principal, id, model);
    return PERSON_PAGE;
  }

  @PostMapping("/care/people/{id}/transitions/hand-off")
  @PreAuthorize(TransitionRoles.AGENCY_STAFF)
  String handOff(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("handOffForm") HandOffForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    List<FieldViolation> violations = new ArrayList<>();
    Transitions.NewHandOff handOff = form.parse(violations);
    reject(violations, errors, HandOffForm.FIELDS);
    if (!errors.hasErrors()) {
      try {
        transitions.recordHandOff(principal, new PersonId(id), handOff);
        redirect.addFlashAttribute("saved", "handOff");
        return "redirect:/care/people/" + id + "/transitions";
      } catch (CareInputRejected rejected) {
        reject(rejected.violations(), errors, HandOffForm.FIELDS);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("releaseForm", new ReleaseForm(null, "3", null, null));
    addPersonModel(principal, id, model);
    return PERSON_PAGE;
  }

  @GetMapping("/care/provider/transitions")
  @PreAuthorize(TransitionRoles.PROVIDER_STAFF)
  String providerList(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    model.addAttribute("transitions", transitions.handOffsAtProvider(principal));
    return "care/provider-transitions";
  }

  @GetMapping("/care/provider/transitions/{id}")
  @PreAuthorize(TransitionRoles.PROVIDER_STAFF)
  String providerShow(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    Transitions.HandOffAtProvider handOff =
        transitions.handOffAtProvider(principal, new TransitionId(id));
    if (!model.containsAttribute("summaryForm")) {
      model.addAttribute(
          "summaryForm",
          new SummaryForm(
              handOff.summary() == null ? null : handOff.summary().summary(),
              handOff.summary() == null ? "" : Long.toString(handOff.summary().version())));
    }
    addProviderModel(handOff, model);
    return PROVIDER_PAGE;
  }

  @PostMapping("/care/provider/transitions/{id}/summary")
  @PreAuthorize(TransitionRoles.PROVIDER_STAFF)
  String writeSummary(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("summaryForm") SummaryForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Long version = null;
    if (form.version() != null && !form.version().isBlank()) {
      try {
        version = Long.parseLong(form.version().strip());
      } catch (NumberFormatException e) {
        errors.reject("care.stale", text("care.transition.error.stale"));
      }
    }
    if (!errors.hasErrors()) {
      try {
        transitions.writeSummary(principal, new TransitionId(id), form.summary(), version);
        redirect.addFlashAttribute("saved", "summary");
        return "redirect:/care/provider/transitions/" + id;
      } catch (CareInputRejected rejected) {
        reject(rejected.violations(), errors, SummaryForm.FIELDS);
      } catch (OptimisticLockingFailureException stale) {
        errors.reject("care.stale", text("care.transition.error.stale"));
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        addProviderModel(transitions.handOffAtProvider(principal, new TransitionId(id)), model);
        return PROVIDER_PAGE;
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addProviderModel(transitions.handOffAtProvider(principal, new TransitionId(id)), model);
    return PROVIDER_PAGE;
  }

  private void addProviderModel(Transitions.HandOffAtProvider handOff, Model model) {
    model.addAttribute("handOff", handOff);
    if (handOff.withheld() != null) {
      model.addAttribute(
          "withheldLine",
          TransitionTexts.withheld(
              handOff.from().providerName(),
              handOff.withheld().reason(),
              handOff.withheld().since(),
              messages));
    }
  }

  private void addPersonModel(BridgewayPrincipal principal, UUID id, Model model) {
    PersonId person = new PersonId(id);
    model.addAttribute("person", people.visibleTo(principal, person));
    model.addAttribute("personId", id);
    model.addAttribute("transitions", transitions.transitionsOf(principal, person));
    List<List<String>> episodes = new ArrayList<>();
    episodes.add(List.of("", text("care.transition.episode.choose")));
    for (Transitions.Side side : transitions.episodeChoices(principal, person)) {
      episodes.add(
          List.of(
              side.episode().toString(),
              messages.getMessage(
                  side.endedOn() == null
                      ? "care.transition.episode.option"
                      : "care.transition.episode.option.ended",
                  new Object[] {side.providerName(), side.startedOn(), side.endedOn()},
                  LocaleContextHolder.getLocale())));
    }
    model.addAttribute("episodeOptions", episodes);
    List<List<String>> kinds = new ArrayList<>();
    for (TransitionKind kind : TransitionKind.values()) {
      if (kind.isHandOff()) {
        kinds.add(List.of(kind.name(), text(kind.messageKey())));
      }
    }
    model.addAttribute("kindOptions", kinds);
  }

  private void reject(List<FieldViolation> violations, BindingResult errors, Set<String> fields) {
    FormRejections.reject(
        violations, errors, fields, Map.of(), messages, "care.transition.error", "care");
  }

  private static UUID optionalId(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return FormValues.id(field, value, violations);
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}

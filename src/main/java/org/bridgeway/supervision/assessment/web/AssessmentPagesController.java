package org.bridgeway.supervision.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.ResponsivityFactor;
import org.bridgeway.supervision.ResponsivityLevel;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.assessment.AssessmentRecords;
import org.bridgeway.supervision.assessment.DomainResult;
import org.bridgeway.supervision.assessment.Instrument;
import org.bridgeway.supervision.assessment.InstrumentDefinition;
import org.bridgeway.supervision.assessment.NewResponsivity;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonRecords;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An officer's assessment pages for one person: the history with the change per domain, the form to
 * complete an agency instrument item by item, and the form for an external instrument's results.
 * The person page will link here.
 */
@Controller
@RequestMapping("/supervision/people/{id}/assessments")
class AssessmentPagesController {

  private static final int MAX_TEXT = 200;

  private final AssessmentRecords records;
  private final PersonRecords people;
  private final MessageSource messages;
  private final Clock clock;

  AssessmentPagesController(
      AssessmentRecords records, PersonRecords people, MessageSource messages, Clock clock) {
    this.records = records;
    this.people = people;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize(AssessmentRoles.STAFF)
  String history(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    model.addAttribute("personId", id);
    model.addAttribute("history", records.history(principal, new PersonId(id)));
    return "supervision/assessment/history";
  }

  @GetMapping("/new")
  @PreAuthorize(AssessmentRoles.STAFF)
  String form(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(required = false) UUID instrument,
      Model model) {
    Person person = people.visible(principal, new PersonId(id));
    List<Instrument> instruments = records.instruments(principal);
    Instrument chosen = choose(instruments, instrument);
    AssessmentForm form = new AssessmentForm();
    form.setAssessedOn(LocalDate.now(clock).toString());
    if (chosen != null) {
      form.setInstrumentId(chosen.id().toString());
    }
    addFormModel(id, person, instruments, chosen, form, null, model);
    return "supervision/assessment/form";
  }

  @PostMapping
  @PreAuthorize(AssessmentRoles.STAFF)
  String complete(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("form") AssessmentForm form,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    Person person = people.visible(principal, new PersonId(id));
    List<Instrument> instruments = records.instruments(principal);
    Instrument chosen = choose(instruments, parseUuid(form.getInstrumentId()));
    PageErrors errors = new PageErrors(messages, locale);
    LocalDate assessedOn = date(form.getAssessedOn(), "assessedOn", errors);
    Map<String, Integer> answers = new LinkedHashMap<>();
    if (chosen == null) {
      errors.add("instrumentId", "assess.error.instrument");
    } else {
      readAnswers(chosen.definition(), form.getAnswers(), answers, errors);
    }
    List<NewResponsivity> factors = readFactors(form.getResponsivity());
    if (!errors.any()) {
      try {
        records.complete(principal, new PersonId(id), chosen.id(), answers, assessedOn, factors);
        redirect.addFlashAttribute("assessmentSaved", true);
        return "redirect:/supervision/people/" + id + "/assessments";
      } catch (SupervisionInputRejected rejected) {
        explain(rejected.violations(), chosen, errors);
      } catch (DomainRuleViolation rule) {
        errors.add("instrumentId", "assess.error.superseded");
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addFormModel(id, person, instruments, chosen, form, errors, model);
    return "supervision/assessment/form";
  }

  @GetMapping("/external")
  @PreAuthorize(AssessmentRoles.STAFF)
  String externalForm(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    Person person = people.visible(principal, new PersonId(id));
    ExternalForm form = new ExternalForm();
    form.setAssessedOn(LocalDate.now(clock).toString());
    addExternalModel(id, person, form, null, model);
    return "supervision/assessment/external";
  }

  @PostMapping("/external")
  @PreAuthorize(AssessmentRoles.STAFF)
  String importResult(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("form") ExternalForm form,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    Person person = people.visible(principal, new PersonId(id));
    PageErrors errors = new PageErrors(messages, locale);
    String name = form.getInstrumentName() == null ? "" : form.getInstrumentName().strip();
    if (name.isEmpty() || name.length() > MAX_TEXT) {
      errors.add("instrumentName", "assess.error.instrumentName");
    }
    LocalDate assessedOn = date(form.getAssessedOn(), "assessedOn", errors);
    RiskLevel risk = parse(RiskLevel.class, form.getRiskLevel());
    if (risk == null) {
      errors.add("riskLevel", "assess.error.riskLevel");
    }
    Map<NeedDomain, DomainResult> domains = new EnumMap<>(NeedDomain.class);
    for (NeedDomain domain : NeedDomain.values()) {
      NeedSeverity severity = parse(NeedSeverity.class, form.getSeverity().get(domain.name()));
      String scoreText = form.getScore().get(domain.name());
      Integer score = null;
      if (scoreText != null && !scoreText.isBlank()) {
        try {
          score = Integer.valueOf(scoreText.strip());
          if (score < 0 || score > 1000) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          errors.add("score-" + domain.name(), "assess.error.score");
          continue;
        }
      }
      if (severity != null) {
        domains.put(domain, new DomainResult(severity, score));
      }
    }
    if (domains.isEmpty()
        && errors.byId().keySet().stream().noneMatch(k -> k.startsWith("score-"))) {
      errors.add("severity-" + NeedDomain.values()[0].name(), "assess.error.domains");
    }
    if (!errors.any()) {
      try {
        records.importResult(
            principal,
            new PersonId(id),
            new AssessmentRecords.ExternalResult(name, assessedOn, risk, domains),
            List.of());
        redirect.addFlashAttribute("assessmentSaved", true);
        return "redirect:/supervision/people/" + id + "/assessments";
      } catch (SupervisionInputRejected rejected) {
        explain(rejected.violations(), null, errors);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addExternalModel(id, person, form, errors, model);
    return "supervision/assessment/external";
  }

  private void addFormModel(
      UUID id,
      Person person,
      List<Instrument> instruments,
      Instrument chosen,
      AssessmentForm form,
      PageErrors errors,
      Model model) {
    model.addAttribute("personId", id);
    model.addAttribute("person", person.name());
    model.addAttribute("instruments", instruments);
    model.addAttribute("instrument", chosen);
    Map<String, Integer> numbers = new LinkedHashMap<>();
    if (chosen != null) {
      chosen.definition().sections().stream()
          .flatMap(section -> section.items().stream())
          .forEach(item -> numbers.put(item.key(), numbers.size() + 1));
    }
    model.addAttribute("itemNumbers", numbers);
    model.addAttribute("form", form);
    model.addAttribute("factors", ResponsivityFactor.values());
    model.addAttribute("factorLevels", ResponsivityLevel.values());
    model.addAttribute("errors", errors == null ? List.of() : errors.summary());
    model.addAttribute("fieldErrors", errors == null ? Map.of() : errors.byId());
  }

  private void addExternalModel(
      UUID id, Person person, ExternalForm form, PageErrors errors, Model model) {
    model.addAttribute("personId", id);
    model.addAttribute("person", person.name());
    model.addAttribute("form", form);
    model.addAttribute("domains", NeedDomain.values());
    model.addAttribute("severities", NeedSeverity.values());
    model.addAttribute("riskLevels", RiskLevel.values());
    model.addAttribute("errors", errors == null ? List.of() : errors.summary());
    model.addAttribute("fieldErrors", errors == null ? Map.of() : errors.byId());
  }

  private static Instrument choose(List<Instrument> instruments, UUID wanted) {
    if (wanted == null) {
      return instruments.isEmpty() ? null : instruments.getFirst();
    }
    return instruments.stream().filter(i -> i.id().value().equals(wanted)).findFirst().orElse(null);
  }

  /** Each item's chosen option; an unanswered or unknown one is an error on its first option. */
  private static void readAnswers(
      InstrumentDefinition definition,
      Map<String, String> given,
      Map<String, Integer> answers,
      PageErrors errors) {
    int number = 0;
    for (InstrumentDefinition.Section section : definition.sections()) {
      for (InstrumentDefinition.Item item : section.items()) {
        number++;
        String value = given.get(item.key());
        Integer chosen = null;
        try {
          chosen = value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
          chosen = -1;
        }
        if (chosen == null || chosen < 0 || chosen >= item.options().size()) {
          errors.add(answerId(item.key()), "assess.error.answer", number);
        } else {
          answers.put(item.key(), chosen);
        }
      }
    }
  }

  static String answerId(String key) {
    return "answer-" + key;
  }

  private static List<NewResponsivity> readFactors(Map<String, String> given) {
    List<NewResponsivity> factors = new ArrayList<>();
    for (ResponsivityFactor factor : ResponsivityFactor.values()) {
      ResponsivityLevel level = parse(ResponsivityLevel.class, given.get(factor.name()));
      if (level != null) {
        factors.add(new NewResponsivity(factor, level, null));
      }
    }
    return factors;
  }

  private void explain(List<FieldViolation> violations, Instrument chosen, PageErrors errors) {
    for (FieldViolation violation : violations) {
      String field = violation.field() == null ? "" : violation.field();
      if (field.equals("assessedOn")) {
        errors.add("assessedOn", "assess.error.assessedOn.future");
      } else if (field.startsWith("answers.") && chosen != null) {
        errors.add(answerId(field.substring("answers.".length())), "assess.error.answer", "");
      } else if (field.equals("instrumentId")) {
        errors.add("instrumentId", "assess.error.instrument");
      } else {
        errors.add("main-content", "assess.error.general");
      }
    }
  }

  private static LocalDate date(String text, String id, PageErrors errors) {
    if (text == null || text.isBlank()) {
      errors.add(id, "assess.error.assessedOn.missing");
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(id, "assess.error.assessedOn.missing");
      return null;
    }
  }

  private static UUID parseUuid(String text) {
    try {
      return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

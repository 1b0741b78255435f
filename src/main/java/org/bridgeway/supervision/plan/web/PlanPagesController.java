package org.bridgeway.supervision.plan.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.plan.CasePlan;
import org.bridgeway.supervision.plan.GoalStatus;
import org.bridgeway.supervision.plan.PlanRecords;
import org.bridgeway.supervision.plan.TaskOwner;
import org.bridgeway.supervision.plan.TaskStatus;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officer's case-plan editor (goals, tasks, progress notes, the person's signature) and the
 * printable plan. Each form posts to its own address and comes back to the editor; a form with
 * errors renders the editor again with an error summary linking to the inputs at fault.
 */
@Controller
@RequestMapping("/supervision/cases/{id}/plan")
class PlanPagesController {

  private final PlanRecords plans;
  private final MessageSource messages;
  private final Clock clock;

  PlanPagesController(PlanRecords plans, MessageSource messages, Clock clock) {
    this.plans = plans;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize(PlanApiController.STAFF)
  String editor(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    addModel(plans.read(principal, new CaseId(id)), new PlanForm(), null, null, model);
    return "supervision/plan/editor";
  }

  @GetMapping("/print")
  @PreAuthorize(PlanApiController.STAFF)
  String print(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    PlanRecords.PlanOfCase found = plans.read(principal, new CaseId(id));
    model.addAttribute("planOfCase", found);
    model.addAttribute("plan", found.plan().orElseThrow(() -> new NotFoundException("case plan")));
    return "supervision/plan/print";
  }

  @PostMapping
  @PreAuthorize(PlanApiController.STAFF)
  String create(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("form") PlanForm form,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    return handle(
        principal,
        id,
        form,
        "create",
        errors -> plans.create(principal, new CaseId(id)),
        response,
        locale,
        model,
        redirect);
  }

  @PostMapping("/goals")
  @PreAuthorize(PlanApiController.STAFF)
  String addGoal(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("form") PlanForm form,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    return handle(
        principal,
        id,
        form,
        "goal",
        errors -> {
          NeedDomain domain = parse(NeedDomain.class, form.getDomain());
          if (domain == null) {
            errors.add("goal-domain", "plan.error.domain");
          }
          LocalDate target = optionalDate(form.getTargetDate(), "goal-targetDate", errors);
          long version = version(form, errors);
          if (!errors.isEmpty()) {
            return null;
          }
          return plans.addGoal(
              principal,
              new CaseId(id),
              new PlanRecords.NewGoal(domain, form.getDescription(), target),
              version);
        },
        response,
        locale,
        model,
        redirect);
  }

  @PostMapping("/goals/{goalId}")
  @PreAuthorize(PlanApiController.STAFF)
  String reviseGoal(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @ModelAttribute("form") PlanForm form,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    return handle(
        principal,
        id,
        form,
        goalId.toString(),
        errors -> {
          GoalStatus status = parse(GoalStatus.class, form.getStatus());
          if (status == null) {
            errors.add("status-" + goalId, "plan.error.status");
          }
          LocalDate target = optionalDate(form.getTargetDate(), "targetDate-" + goalId, errors);
          Integer position = null;
          if (form.getPosition() != null && !form.getPosition().isBlank()) {
            try {
              position = Integer.parseInt(form.getPosition().strip()) - 1;
            } catch (NumberFormatException e) {
              errors.add("position-" + goalId, "plan.error.position");
            }
          }
          long version = version(form, errors);
          if (!errors.isEmpty()) {
            return null;
          }
          return plans.reviseGoal(
              principal,
              new CaseId(id),
              goalId,
              new PlanRecords.GoalChange(form.getDescription(), target, status, position),
              version);
        },
        response,
        locale,
        model,
        redirect);
  }

  @PostMapping("/goals/{goalId}/tasks")
  @PreAuthorize(PlanApiController.STAFF)
  String addTask(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @ModelAttribute("form") PlanForm form,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    return handle(
        principal,
        id,
        form,
        "task-" + goalId,
        errors -> {
          TaskOwner owner = parse(TaskOwner.class, form.getOwner());
          if (owner == null) {
            errors.add("task-owner-" + goalId, "plan.error.owner");
          }
          LocalDate due = optionalDate(form.getDueOn(), "task-dueOn-" + goalId, errors);
          long version = version(form, errors);
          if (!errors.isEmpty()) {
            return null;
          }
          return plans.addTask(
              principal,
              new CaseId(id),
              goalId,
              new PlanRecords.NewTask(form.getDescription(), owner, form.getOwnerName(), due),
              version);
        },
        response,
        locale,
        model,
        redirect);
  }

  @PostMapping("/goals/{goalId}/tasks/{taskId}")
  @PreAuthorize(PlanApiController.STAFF)
  String recordTask(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @PathVariable UUID taskId,
      @ModelAttribute("form") PlanForm form,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    return handle(
        principal,
        id,
        form,
        "taskStatus-" + taskId,
        errors -> {
          TaskStatus status = parse(TaskStatus.class, form.getStatus());
          if (status == null) {
            errors.add("taskStatus-" + taskId, "plan.error.status");
          }
          long version = version(form, errors);
          if (!errors.isEmpty()) {
            return null;
          }
          return plans.recordTask(principal, new CaseId(id), goalId, taskId, status, version);
        },
        response,
        locale,
        model,
        redirect);
  }

  @PostMapping("/goals/{goalId}/notes")
  @PreAuthorize(PlanApiController.STAFF)
  String addNote(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @ModelAttribute("form") PlanForm form,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    return handle(
        principal,
        id,
        form,
        "note-" + goalId,
        errors -> {
          LocalDate notedOn = requiredDate(form.getNotedOn(), "note-notedOn-" + goalId, errors);
          long version = version(form, errors);
          if (!errors.isEmpty()) {
            return null;
          }
          return plans.addNote(principal, new CaseId(id), goalId, notedOn, form.getText(), version);
        },
        response,
        locale,
        model,
        redirect);
  }

  @PostMapping("/signature")
  @PreAuthorize(PlanApiController.STAFF)
  String sign(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("form") PlanForm form,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    return handle(
        principal,
        id,
        form,
        "signature",
        errors -> {
          LocalDate on = requiredDate(form.getSignedOn(), "signedOn", errors);
          long version = version(form, errors);
          if (!errors.isEmpty()) {
            return null;
          }
          return plans.sign(principal, new CaseId(id), on, version);
        },
        response,
        locale,
        model,
        redirect);
  }

  /** The problems of one form, by input id, as message keys. */
  private static final class Problems {
    private final Map<String, String> keys = new LinkedHashMap<>();

    void add(String inputId, String key) {
      keys.putIfAbsent(inputId, key);
    }

    boolean isEmpty() {
      return keys.isEmpty();
    }
  }

  @FunctionalInterface
  private interface Change {
    CasePlan apply(Problems errors);
  }

  /** One entry of the error summary. */
  record PageError(String id, String message) {}

  private String handle(
      BridgewayPrincipal principal,
      UUID id,
      PlanForm form,
      String formKey,
      Change change,
      HttpServletResponse response,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    Problems errors = new Problems();
    try {
      CasePlan changed = change.apply(errors);
      if (changed != null) {
        redirect.addFlashAttribute("planSaved", true);
        return "redirect:/supervision/cases/" + id + "/plan";
      }
    } catch (SupervisionInputRejected rejected) {
      for (FieldViolation violation : rejected.violations()) {
        errors.add(inputId(formKey, violation.field()), "plan.error." + violation.field());
      }
    } catch (DomainRuleViolation rule) {
      errors.add(
          rule.field() == null ? "plan-heading" : inputId(formKey, rule.field()), rule.code());
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    Map<String, String> byId = new LinkedHashMap<>();
    errors.keys.forEach(
        (input, key) -> byId.put(input, messages.getMessage(key, null, key, locale)));
    addModel(plans.read(principal, new CaseId(id)), form, formKey, byId, model);
    return "supervision/plan/editor";
  }

  /** The id of a field's input in the form that failed. */
  private static String inputId(String formKey, String field) {
    return switch (formKey) {
      case "goal" -> "goal-" + field;
      case "signature", "create" -> field;
      default -> {
        if (formKey.startsWith("task-")) {
          yield "task-" + field + "-" + formKey.substring("task-".length());
        }
        if (formKey.startsWith("note-")) {
          yield "note-" + field + "-" + formKey.substring("note-".length());
        }
        if (formKey.startsWith("taskStatus-")) {
          yield formKey;
        }
        yield field + "-" + formKey;
      }
    };
  }

  private void addModel(
      PlanRecords.PlanOfCase found,
      PlanForm form,
      String failedForm,
      Map<String, String> fieldErrors,
      Model model) {
    model.addAttribute("planOfCase", found);
    model.addAttribute("plan", found.plan().orElse(null));
    model.addAttribute("form", form);
    model.addAttribute("failedForm", failedForm);
    model.addAttribute("domains", NeedDomain.values());
    model.addAttribute("goalStatuses", GoalStatus.values());
    model.addAttribute("owners", TaskOwner.values());
    model.addAttribute("today", LocalDate.now(clock));
    Map<String, String> errors = fieldErrors == null ? Map.of() : fieldErrors;
    List<PageError> summary = new ArrayList<>();
    errors.forEach((input, message) -> summary.add(new PageError(input, message)));
    model.addAttribute("fieldErrors", errors);
    model.addAttribute("errors", summary);
  }

  private static long version(PlanForm form, Problems errors) {
    try {
      return Long.parseLong(form.getVersion() == null ? "" : form.getVersion().strip());
    } catch (NumberFormatException e) {
      errors.add("plan-heading", "plan.error.version");
      return -1;
    }
  }

  private static LocalDate optionalDate(String text, String inputId, Problems errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return requiredDate(text, inputId, errors);
  }

  private static LocalDate requiredDate(String text, String inputId, Problems errors) {
    try {
      return LocalDate.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      errors.add(inputId, "plan.error.date");
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

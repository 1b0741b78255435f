package org.bridgeway.supervision.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.ViolationId;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.violation.IncentiveKind;
import org.bridgeway.supervision.violation.Sanction;
import org.bridgeway.supervision.violation.ViolationKind;
import org.bridgeway.supervision.violation.ViolationRecords;
import org.bridgeway.supervision.violation.ViolationSeverity;
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
 * A case's violations with the responses given and the range suggested for each, and its
 * incentives, with forms to record a violation, a response and an incentive.
 */
@Controller
class ViolationPagesController {

  private static final String PAGE = "supervision/violations";

  private final ViolationRecords violations;
  private final MessageSource messages;

  ViolationPagesController(ViolationRecords violations, MessageSource messages) {
    this.violations = violations;
    this.messages = messages;
  }

  @GetMapping("/supervision/cases/{id}/violations")
  @PreAuthorize(SupervisionRoles.STAFF)
  String show(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    addPageModel(principal, id, model);
    return PAGE;
  }

  @PostMapping("/supervision/cases/{id}/violations")
  @PreAuthorize(SupervisionRoles.STAFF)
  String record(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("violationForm") ViolationForms.ViolationForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    ViolationForms.ViolationForm.Parsed parsed = form.parse();
    PageErrors.reject(
        parsed.violations(), errors, ViolationForms.ViolationForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        violations.record(principal, new CaseId(id), parsed.violation());
        redirect.addFlashAttribute("saved", "violation");
        return "redirect:/supervision/cases/" + id + "/violations";
      } catch (SupervisionInputRejected rejected) {
        PageErrors.reject(
            rejected.violations(), errors, ViolationForms.ViolationForm.FIELDS, Map.of(), messages);
      } catch (DomainRuleViolation rule) {
        PageErrors.reject(rule, errors, ViolationForms.ViolationForm.FIELDS, messages);
      }
    }
    return failed(principal, id, response, model);
  }

  @PostMapping("/supervision/cases/{id}/violations/responses")
  @PreAuthorize(SupervisionRoles.STAFF)
  String respond(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("responseForm") ViolationForms.ResponseForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    ViolationForms.ResponseForm.Parsed parsed = form.parse();
    PageErrors.reject(
        parsed.violations(), errors, ViolationForms.ResponseForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        violations.respond(
            principal,
            new CaseId(id),
            new ViolationId(parsed.violation().id()),
            parsed.response(),
            parsed.violation().version());
        redirect.addFlashAttribute("saved", "response");
        return "redirect:/supervision/cases/" + id + "/violations";
      } catch (SupervisionInputRejected rejected) {
        PageErrors.reject(
            rejected.violations(), errors, ViolationForms.ResponseForm.FIELDS, Map.of(), messages);
      }
    }
    return failed(principal, id, response, model);
  }

  @PostMapping("/supervision/cases/{id}/incentives")
  @PreAuthorize(SupervisionRoles.STAFF)
  String giveIncentive(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("incentiveForm") ViolationForms.IncentiveForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    ViolationForms.IncentiveForm.Parsed parsed = form.parse();
    PageErrors.reject(
        parsed.violations(), errors, ViolationForms.IncentiveForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        violations.giveIncentive(
            principal, new CaseId(id), parsed.kind(), parsed.givenOn(), parsed.note());
        redirect.addFlashAttribute("saved", "incentive");
        return "redirect:/supervision/cases/" + id + "/violations";
      } catch (SupervisionInputRejected rejected) {
        PageErrors.reject(
            rejected.violations(), errors, ViolationForms.IncentiveForm.FIELDS, Map.of(), messages);
      } catch (DomainRuleViolation rule) {
        PageErrors.reject(rule, errors, ViolationForms.IncentiveForm.FIELDS, messages);
      }
    }
    return failed(principal, id, response, model);
  }

  private String failed(
      BridgewayPrincipal principal, UUID id, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addPageModel(principal, id, model);
    return PAGE;
  }

  private void addPageModel(BridgewayPrincipal principal, UUID id, Model model) {
    if (!model.containsAttribute("violationForm")) {
      model.addAttribute("violationForm", ViolationForms.ViolationForm.empty());
    }
    if (!model.containsAttribute("responseForm")) {
      model.addAttribute("responseForm", ViolationForms.ResponseForm.empty());
    }
    if (!model.containsAttribute("incentiveForm")) {
      model.addAttribute("incentiveForm", ViolationForms.IncentiveForm.empty());
    }
    ViolationRecords.CaseViolations found = violations.violationsOf(principal, new CaseId(id));
    model.addAttribute("found", found);
    model.addAttribute("caseId", id);
    List<List<String>> conditionOptions = new ArrayList<>();
    conditionOptions.add(List.of("", PageOptions.text("violation.page.condition.none", messages)));
    for (Condition condition : found.conditions()) {
      conditionOptions.add(
          List.of(
              condition.id().toString(),
              PageOptions.text("conditionKind." + condition.kind().name(), messages)
                  + ": "
                  + condition.description()));
    }
    model.addAttribute("conditionOptions", conditionOptions);
    model.addAttribute(
        "violationOptions",
        found.violations().stream()
            .map(
                a ->
                    List.of(
                        a.violation().id() + ":" + a.violation().version(),
                        a.violation().occurredOn()
                            + " – "
                            + PageOptions.text(a.violation().kind().messageKey(), messages)
                            + ", "
                            + PageOptions.text(a.violation().severity().messageKey(), messages)))
            .toList());
    model.addAttribute(
        "violationKinds",
        PageOptions.of(ViolationKind.values(), ViolationKind::messageKey, messages));
    model.addAttribute(
        "severities",
        PageOptions.of(ViolationSeverity.values(), ViolationSeverity::messageKey, messages));
    model.addAttribute(
        "sanctions", PageOptions.of(Sanction.values(), Sanction::messageKey, messages));
    model.addAttribute(
        "incentiveKinds",
        PageOptions.of(IncentiveKind.values(), IncentiveKind::messageKey, messages));
  }
}

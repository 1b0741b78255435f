package org.bridgeway.matching.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.matching.Factor;
import org.bridgeway.matching.MatchingInputRejected;
import org.bridgeway.matching.MatchingWeights;
import org.bridgeway.matching.weights.AgencyWeights;
import org.bridgeway.matching.weights.WeightsSettings;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.FormRejections;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's matching weights, for its supervisors and administrators. */
@Controller
class WeightsPagesController {

  static final String PAGE = "matching/weights";

  /** The form as typed: every field a string, so that any input comes back with an error. */
  static final class WeightsForm {
    private String needFit;
    private String distance;
    private String capacity;
    private String languageAccess;
    private String cost;
    private String completion;
    private String version;

    static final Set<String> FIELDS =
        Set.of("needFit", "distance", "capacity", "languageAccess", "cost", "completion");

    static WeightsForm of(AgencyWeights current) {
      WeightsForm form = new WeightsForm();
      MatchingWeights w = current.weights();
      form.needFit = Integer.toString(w.needFit());
      form.distance = Integer.toString(w.distance());
      form.capacity = Integer.toString(w.capacity());
      form.languageAccess = Integer.toString(w.languageAccess());
      form.cost = Integer.toString(w.cost());
      form.completion = Integer.toString(w.completion());
      form.version = Long.toString(current.version());
      return form;
    }

    String value(Factor factor) {
      return switch (factor) {
        case NEED_FIT -> needFit;
        case DISTANCE -> distance;
        case CAPACITY -> capacity;
        case LANGUAGE_ACCESS -> languageAccess;
        case COST -> cost;
        case COMPLETION -> completion;
      };
    }

    public String getNeedFit() {
      return needFit;
    }

    public void setNeedFit(String needFit) {
      this.needFit = needFit;
    }

    public String getDistance() {
      return distance;
    }

    public void setDistance(String distance) {
      this.distance = distance;
    }

    public String getCapacity() {
      return capacity;
    }

    public void setCapacity(String capacity) {
      this.capacity = capacity;
    }

    public String getLanguageAccess() {
      return languageAccess;
    }

    public void setLanguageAccess(String languageAccess) {
      this.languageAccess = languageAccess;
    }

    public String getCost() {
      return cost;
    }

    public void setCost(String cost) {
      this.cost = cost;
    }

    public String getCompletion() {
      return completion;
    }

    public void setCompletion(String completion) {
      this.completion = completion;
    }

    public String getVersion() {
      return version;
    }

    public void setVersion(String version) {
      this.version = version;
    }
  }

  private final WeightsSettings weights;
  private final MessageSource messages;

  WeightsPagesController(WeightsSettings weights, MessageSource messages) {
    this.weights = weights;
    this.messages = messages;
  }

  @InitBinder("form")
  void allowFields(WebDataBinder binder) {
    binder.setAllowedFields(
        "needFit", "distance", "capacity", "languageAccess", "cost", "completion", "version");
  }

  @GetMapping("/matching/weights")
  @PreAuthorize(MatchingRoles.WEIGHT_KEEPERS)
  String show(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    AgencyWeights current = weights.of(principal.organizationId());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", WeightsForm.of(current));
    }
    model.addAttribute("defaults", current.defaults());
    model.addAttribute("factors", Factor.values());
    return PAGE;
  }

  @PostMapping("/matching/weights")
  @PreAuthorize(MatchingRoles.WEIGHT_KEEPERS)
  String change(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @ModelAttribute("form") WeightsForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    List<FieldViolation> violations = new ArrayList<>();
    int[] values = new int[Factor.values().length];
    for (Factor factor : Factor.values()) {
      Integer value = parseInt(form.value(factor));
      if (value == null) {
        violations.add(
            new FieldViolation(MatchingWeights.fieldOf(factor), "TypeMismatch", "whole number"));
      } else {
        values[factor.ordinal()] = value;
      }
    }
    Integer version = parseInt(form.getVersion());
    if (version == null || version < 0) {
      violations.add(new FieldViolation("version", "TypeMismatch", "version"));
    }
    if (violations.isEmpty()) {
      try {
        weights.change(
            principal,
            new MatchingWeights(values[0], values[1], values[2], values[3], values[4], values[5]),
            version);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/matching/weights";
      } catch (MatchingInputRejected rejected) {
        violations.addAll(rejected.violations());
      } catch (OptimisticLockingFailureException stale) {
        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_CONFLICT);
        errors.reject(
            "matching.stale",
            messages.getMessage(
                "matching.page.error.stale",
                null,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
      }
    }
    if (!violations.isEmpty()) {
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
    }
    FormRejections.reject(
        violations,
        errors,
        WeightsForm.FIELDS,
        java.util.Map.of(),
        messages,
        "matching.page.error",
        "matching");
    AgencyWeights current = weights.of(principal.organizationId());
    model.addAttribute("defaults", current.defaults());
    model.addAttribute("factors", Factor.values());
    return PAGE;
  }

  private static Integer parseInt(String value) {
    if (value == null || value.isBlank() || value.strip().length() > 9) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}

package org.bridgeway.care.alert.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.care.alert.AlertAction;
import org.bridgeway.care.alert.AlertRule;
import org.bridgeway.care.alert.AlertRules;
import org.bridgeway.care.alert.CareAlertId;
import org.bridgeway.care.alert.CareAlerts;
import org.bridgeway.care.alert.CareAlerts.AlertsShown;
import org.bridgeway.care.alert.Compliance;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alert pages of the supervising agency's staff: the alerts awaiting action on the people they
 * see (oldest first, each with the form to acknowledge it), the escalated ones for supervisors, one
 * person's alerts (linked from the person page), and the agency's alert rules.
 */
@Controller
class AlertPagesController {

  private static final String LIST = "care/alerts";

  /** An acknowledgement the page could not take, shown at its alert's form. */
  record Problem(UUID alert, String field, String message) {}

  private final CareAlerts alerts;
  private final AlertRules rules;
  private final Compliance compliance;
  private final MessageSource messages;

  AlertPagesController(
      CareAlerts alerts, AlertRules rules, Compliance compliance, MessageSource messages) {
    this.alerts = alerts;
    this.rules = rules;
    this.compliance = compliance;
    this.messages = messages;
  }

  /** The compliance of the person's treatment conditions over a period (90 days unless asked). */
  @GetMapping("/care/people/{id}/compliance")
  @PreAuthorize(AlertRoles.AGENCY_STAFF)
  String compliance(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(required = false) String days,
      Model model) {
    int period = Compliance.DEFAULT_DAYS;
    try {
      if (days != null && !days.isBlank()) {
        period =
            Math.clamp(Integer.parseInt(days.strip()), Compliance.MIN_DAYS, Compliance.MAX_DAYS);
      }
    } catch (NumberFormatException notANumber) {
      period = Compliance.DEFAULT_DAYS;
    }
    Locale locale = LocaleContextHolder.getLocale();
    Compliance.PersonCompliance found = compliance.of(principal, new PersonId(id), period);
    model.addAttribute("found", found);
    model.addAttribute("personId", id);
    model.addAttribute("days", period);
    model.addAttribute(
        "withheldLines",
        found.withheld().stream()
            .map(
                w ->
                    messages.getMessage(
                        "care.withheld.line",
                        new Object[] {
                          messages.getMessage("care.category." + w.category().name(), null, locale),
                          w.providerName(),
                          AlertTexts.reason(w.reason(), w.since(), messages, locale)
                        },
                        locale))
            .toList());
    return "care/compliance";
  }

  @GetMapping("/care/alerts")
  @PreAuthorize(AlertRoles.AGENCY_STAFF)
  String awaiting(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    return list(principal, CareAlerts.Listing.AWAITING, model);
  }

  @GetMapping("/care/alerts/escalated")
  @PreAuthorize(AlertRoles.LEADS)
  String escalated(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    return list(principal, CareAlerts.Listing.ESCALATED, model);
  }

  @GetMapping("/care/people/{id}/alerts")
  @PreAuthorize(AlertRoles.AGENCY_STAFF)
  String ofPerson(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    AlertsShown shown = alerts.ofPerson(principal, new PersonId(id));
    addPageModel(principal, shown, "person", "/care/people/" + id + "/alerts", model);
    model.addAttribute("personId", id);
    return LIST;
  }

  /**
   * Acknowledges an alert and goes back to the page it was acknowledged on; a form at fault is
   * shown again with the error (400), a stale or already acknowledged alert with a notice.
   */
  @PostMapping("/care/alerts/{id}/acknowledge")
  @PreAuthorize(AlertRoles.AGENCY_STAFF)
  String acknowledge(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String back,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    String target = safeBack(back);
    AlertAction chosen = parseAction(action);
    Long expected = parseVersion(version);
    List<FieldViolation> violations = new ArrayList<>();
    if (action != null && !action.isBlank() && chosen == null) {
      violations.add(new FieldViolation("action", "Unknown", "is not an action"));
    }
    if (expected == null) {
      violations.add(new FieldViolation("version", "Required", "must be given"));
    }
    try {
      if (violations.isEmpty()) {
        alerts.acknowledge(principal, new CareAlertId(id), chosen, note, expected);
        redirect.addFlashAttribute("saved", "acknowledged");
        return "redirect:" + target;
      }
    } catch (CareInputRejected rejected) {
      violations.addAll(rejected.violations());
    } catch (OptimisticLockingFailureException | DomainRuleViolation changed) {
      redirect.addFlashAttribute("saved", "changed");
      return "redirect:" + target;
    }
    FieldViolation first = violations.getFirst();
    model.addAttribute(
        "problem",
        new Problem(
            id,
            first.field(),
            messages.getMessage(
                "care.alert.error." + first.field() + "." + first.code(),
                null,
                first.message(),
                LocaleContextHolder.getLocale())));
    model.addAttribute("note", note);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    if (target.startsWith("/care/people/")) {
      UUID person =
          UUID.fromString(target.substring("/care/people/".length(), target.length() - 7));
      return ofPerson(principal, person, model);
    }
    return target.equals("/care/alerts/escalated")
        ? list(principal, CareAlerts.Listing.ESCALATED, model)
        : list(principal, CareAlerts.Listing.AWAITING, model);
  }

  @GetMapping("/care/alert-rules")
  @PreAuthorize(AlertRoles.AGENCY_STAFF)
  String rules(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    addRulesModel(principal, rules.read(principal), Map.of(), model);
    return "care/alert-rules";
  }

  /** Saves the agency's rules from the form: a checkbox and, where the rule has one, a number. */
  @PostMapping("/care/alert-rules")
  @PreAuthorize(AlertRoles.LEADS)
  String saveRules(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam MultiValueMap<String, String> form,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Map<AlertRule, AlertRules.Setting> changes = new EnumMap<>(AlertRule.class);
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    for (AlertRule rule : AlertRule.values()) {
      boolean enabled = "true".equals(form.getFirst(rule.name() + ".enabled"));
      Integer threshold = null;
      if (rule.hasThreshold()) {
        String given = form.getFirst(rule.name() + ".threshold");
        try {
          threshold = given == null || given.isBlank() ? null : Integer.valueOf(given.strip());
        } catch (NumberFormatException notANumber) {
          errors.put(rule.name(), text("care.alert.rules.error.number"));
          continue;
        }
      }
      changes.put(rule, new AlertRules.Setting(enabled, threshold));
    }
    Long version = parseVersion(form.getFirst("version"));
    if (errors.isEmpty()) {
      try {
        rules.update(principal, changes, version == null ? -1 : version);
        redirect.addFlashAttribute("saved", "rules");
        return "redirect:/care/alert-rules";
      } catch (CareInputRejected rejected) {
        for (FieldViolation v : rejected.violations()) {
          String rule = v.field().split("\\.")[1];
          AlertRule r = AlertRule.valueOf(rule);
          errors.put(
              rule,
              messages.getMessage(
                  "care.alert.rules.error." + v.code(),
                  new Object[] {r.minThreshold(), r.maxThreshold()},
                  v.message(),
                  LocaleContextHolder.getLocale()));
        }
      } catch (OptimisticLockingFailureException stale) {
        redirect.addFlashAttribute("saved", "stale");
        return "redirect:/care/alert-rules";
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    addRulesModel(principal, rules.read(principal), errors, model);
    model.addAttribute("entered", form.toSingleValueMap());
    return "care/alert-rules";
  }

  private String list(BridgewayPrincipal principal, CareAlerts.Listing listing, Model model) {
    AlertsShown shown = alerts.list(principal, listing);
    String path =
        listing == CareAlerts.Listing.ESCALATED ? "/care/alerts/escalated" : "/care/alerts";
    addPageModel(principal, shown, listing.name().toLowerCase(Locale.ROOT), path, model);
    return LIST;
  }

  private void addPageModel(
      BridgewayPrincipal principal, AlertsShown shown, String view, String path, Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute("shown", shown);
    model.addAttribute("view", view);
    model.addAttribute("back", path);
    model.addAttribute("leads", AlertRules.mayEdit(principal));
    model.addAttribute("actions", AlertAction.values());
    Map<UUID, String> withheld = new java.util.HashMap<>();
    shown
        .alerts()
        .forEach(
            a -> {
              if (!a.detailsShown()) {
                withheld.put(a.alert().id().value(), AlertTexts.withheld(a, messages, locale));
              }
            });
    model.addAttribute("withheld", withheld);
    if (!model.containsAttribute("problem")) {
      model.addAttribute("problem", null);
    }
  }

  private void addRulesModel(
      BridgewayPrincipal principal,
      AlertRules.Settings settings,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("settings", settings);
    model.addAttribute("ruleList", AlertRule.values());
    model.addAttribute("mayEdit", AlertRules.mayEdit(principal));
    model.addAttribute("errors", errors);
  }

  /** Only the alert pages are places to go back to; anything else goes to the alerts page. */
  private static String safeBack(String back) {
    if (back == null) {
      return "/care/alerts";
    }
    if (back.equals("/care/alerts") || back.equals("/care/alerts/escalated")) {
      return back;
    }
    if (back.matches("/care/people/[0-9a-fA-F-]{36}/alerts")) {
      return back;
    }
    return "/care/alerts";
  }

  private static AlertAction parseAction(String action) {
    if (action == null || action.isBlank()) {
      return null;
    }
    try {
      return AlertAction.valueOf(action);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static Long parseVersion(String version) {
    try {
      return version == null ? null : Long.valueOf(version.strip());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}

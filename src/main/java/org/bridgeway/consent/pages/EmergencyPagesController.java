package org.bridgeway.consent.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.consent.ConsentInputRejected;
import org.bridgeway.consent.emergency.EmergencyAccess;
import org.bridgeway.consent.emergency.EmergencyGrant;
import org.bridgeway.consent.emergency.EmergencyGrantId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Medical-emergency (break-glass) access: a treatment provider's medical staff ask for it with a
 * reason, for a limited time; the organization's administrators (its privacy officer) review the
 * list of their organization's accesses and mark each one reviewed.
 */
@Controller
class EmergencyPagesController {

  /** A grant on the review list. */
  record Listed(EmergencyGrant grant, String grantedTo, String grantedAt, String expiresAt) {}

  private final EmergencyAccess emergencies;
  private final ConsentTexts texts;
  private final MessageSource messages;
  private final java.time.Clock clock;

  EmergencyPagesController(
      EmergencyAccess emergencies,
      ConsentTexts texts,
      MessageSource messages,
      java.time.Clock clock) {
    this.emergencies = emergencies;
    this.texts = texts;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/consent/people/{id}/emergency")
  @PreAuthorize(PageRoles.MEDICAL)
  String request(@PathVariable UUID id, Model model) {
    if (!model.containsAttribute("emergencyForm")) {
      model.addAttribute("emergencyForm", new PageForms.EmergencyForm(null, Integer.toString(4)));
    }
    model.addAttribute("personId", id);
    model.addAttribute("maxHours", emergencies.maxHours());
    return "consent/emergency";
  }

  @PostMapping("/consent/people/{id}/emergency")
  @PreAuthorize(PageRoles.MEDICAL)
  String grant(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("emergencyForm") PageForms.EmergencyForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    List<FieldViolation> violations = new ArrayList<>();
    Integer hours = null;
    try {
      hours = Integer.valueOf(form.hours() == null ? "" : form.hours().strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation("hours", "Range", "must be a whole number of hours"));
    }
    PageForms.reject(violations, errors, PageForms.EmergencyForm.FIELDS, Map.of(), messages);
    if (!errors.hasErrors()) {
      try {
        EmergencyGrant grant = emergencies.grant(principal, new PersonId(id), form.reason(), hours);
        redirect.addFlashAttribute(
            "grantedUntil",
            texts.moment(grant.expiresAt(), clock.getZone(), LocaleContextHolder.getLocale()));
        return "redirect:/consent/people/" + id + "/emergency";
      } catch (ConsentInputRejected rejected) {
        PageForms.reject(
            rejected.violations(), errors, PageForms.EmergencyForm.FIELDS, Map.of(), messages);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("personId", id);
    model.addAttribute("maxHours", emergencies.maxHours());
    return "consent/emergency";
  }

  @GetMapping("/consent/emergency-access")
  @PreAuthorize(PageRoles.ADMINISTRATORS)
  String reviews(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "all", required = false) boolean all,
      Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    model.addAttribute(
        "grants",
        emergencies.forReview(principal, all).stream()
            .map(
                g ->
                    new Listed(
                        g,
                        texts.actor(g.grantedTo()),
                        texts.moment(g.grantedAt(), clock.getZone(), locale),
                        texts.moment(g.expiresAt(), clock.getZone(), locale)))
            .toList());
    model.addAttribute("all", all);
    return "consent/emergency-reviews";
  }

  @PostMapping("/consent/emergency-access/{id}/review")
  @PreAuthorize(PageRoles.ADMINISTRATORS)
  String review(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute PageForms.ReviewForm form,
      RedirectAttributes redirect) {
    long version;
    try {
      version = Long.parseLong(form.version() == null ? "" : form.version().strip());
    } catch (NumberFormatException e) {
      throw new org.springframework.dao.OptimisticLockingFailureException(
          "The emergency access was changed; reload the page.");
    }
    try {
      emergencies.review(principal, new EmergencyGrantId(id), form.note(), version);
      redirect.addFlashAttribute("saved", "reviewed");
    } catch (DomainRuleViolation | ConsentInputRejected rejected) {
      redirect.addFlashAttribute("failed", "consent.pages.review.failed");
    }
    return "redirect:/consent/emergency-access";
  }
}

package org.bridgeway.notifications.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.notifications.webhook.WebhookEndpoint;
import org.bridgeway.notifications.webhook.WebhookEndpointId;
import org.bridgeway.notifications.webhook.Webhooks;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.shared.web.DomainRuleViolation;
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
 * An organization's webhook endpoints for its administrators: register one (its secret is shown
 * once, on the page the registration redirects to), pause or resume it, choose its events, read its
 * delivery log and redeliver. Forms post, then redirect; bad input re-renders with an error
 * summary.
 */
@Controller
class WebhookPagesController {

  /** A new endpoint as typed. */
  record RegisterForm(String url, List<String> events) {}

  /** An endpoint's settings as typed. */
  record EndpointForm(List<String> events, Boolean active, String version) {}

  private final Webhooks webhooks;
  private final MessageSource messages;

  WebhookPagesController(Webhooks webhooks, MessageSource messages) {
    this.webhooks = webhooks;
    this.messages = messages;
  }

  @GetMapping("/notifications/webhooks")
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  String list(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    model.addAttribute("registerForm", new RegisterForm(null, List.of(Change.SENT.name())));
    return listPage(principal, model);
  }

  @PostMapping("/notifications/webhooks")
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  String register(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @ModelAttribute("registerForm") RegisterForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Set<Change> events = changes(form.events(), "events", errors);
    if (!errors.hasErrors()) {
      try {
        Webhooks.Registered registered = webhooks.register(principal, form.url(), events);
        redirect.addFlashAttribute("secret", registered.secret());
        return "redirect:/notifications/webhooks/" + registered.endpoint().id();
      } catch (DomainRuleViolation rule) {
        errors.rejectValue(rule.field(), rule.code(), text(rule.code()));
      }
    }
    return listPage(principal, model);
  }

  @GetMapping("/notifications/webhooks/{id}")
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  String endpoint(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id, Model model) {
    WebhookEndpoint endpoint = webhooks.read(principal, new WebhookEndpointId(id));
    model.addAttribute(
        "endpointForm",
        new EndpointForm(
            endpoint.events().stream().map(Enum::name).toList(),
            endpoint.active(),
            Long.toString(endpoint.version())));
    return endpointPage(principal, endpoint, model);
  }

  @PostMapping("/notifications/webhooks/{id}")
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  String update(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @ModelAttribute("endpointForm") EndpointForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    WebhookEndpointId endpointId = new WebhookEndpointId(id);
    WebhookEndpoint endpoint = webhooks.read(principal, endpointId);
    Set<Change> events = changes(form.events(), "events", errors);
    long version = -1;
    try {
      version = Long.parseLong(String.valueOf(form.version()));
    } catch (NumberFormatException e) {
      errors.reject("notifications.webhook.conflict", text("notifications.webhook.conflict"));
    }
    if (!errors.hasErrors()) {
      try {
        webhooks.update(principal, endpointId, events, Boolean.TRUE.equals(form.active()), version);
        redirect.addFlashAttribute("notice", "notifications.webhooks.saved");
        return "redirect:/notifications/webhooks/" + id;
      } catch (OptimisticLockingFailureException stale) {
        errors.reject("notifications.webhook.conflict", text("notifications.webhook.conflict"));
      } catch (DomainRuleViolation rule) {
        errors.rejectValue(rule.field(), rule.code(), text(rule.code()));
      }
    }
    return endpointPage(principal, endpoint, model);
  }

  @PostMapping("/notifications/webhooks/{id}/deliveries/{delivery}/redeliver")
  @PreAuthorize(NotificationRoles.WEBHOOK_ADMIN)
  String redeliver(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID delivery,
      RedirectAttributes redirect) {
    webhooks.redeliver(principal, new WebhookEndpointId(id), delivery);
    redirect.addFlashAttribute("notice", "notifications.webhooks.redelivered");
    return "redirect:/notifications/webhooks/" + id;
  }

  private String listPage(BridgewayPrincipal principal, Model model) {
    model.addAttribute("endpoints", webhooks.endpointsOf(principal));
    model.addAttribute("changes", Change.values());
    return "notifications/webhooks";
  }

  private String endpointPage(BridgewayPrincipal principal, WebhookEndpoint endpoint, Model model) {
    model.addAttribute("endpoint", endpoint);
    model.addAttribute("deliveries", webhooks.deliveries(principal, endpoint.id()));
    model.addAttribute("changes", Change.values());
    return "notifications/webhook";
  }

  private Set<Change> changes(List<String> values, String field, BindingResult errors) {
    Set<Change> changes = EnumSet.noneOf(Change.class);
    for (String value : values == null ? List.<String>of() : values) {
      try {
        changes.add(Change.valueOf(value));
      } catch (IllegalArgumentException e) {
        errors.rejectValue(
            field,
            "notifications.webhook.events.required",
            text("notifications.webhook.events.required"));
        return changes;
      }
    }
    if (changes.isEmpty()) {
      errors.rejectValue(
          field,
          "notifications.webhook.events.required",
          text("notifications.webhook.events.required"));
    }
    return changes;
  }

  private String text(String code) {
    return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
  }
}

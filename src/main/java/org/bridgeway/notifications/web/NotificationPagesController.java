package org.bridgeway.notifications.web;

import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.notifications.inbox.Category;
import org.bridgeway.notifications.inbox.EmailMode;
import org.bridgeway.notifications.inbox.Inbox;
import org.bridgeway.notifications.inbox.NotificationProperties;
import org.bridgeway.notifications.inbox.Preferences;
import org.bridgeway.notifications.mail.MailOutbox;
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

/** The signed-in user's notifications and their preferences. Forms post, then redirect. */
@Controller
class NotificationPagesController {

  /** The email choice per category, as posted (one radio group each). */
  record PreferencesForm(
      String newReferrals, String referralResponses, String deadlines, String treatmentAlerts) {

    static PreferencesForm of(Map<Category, EmailMode> choices) {
      return new PreferencesForm(
          choices.get(Category.NEW_REFERRALS).name(),
          choices.get(Category.REFERRAL_RESPONSES).name(),
          choices.get(Category.DEADLINES).name(),
          choices.get(Category.TREATMENT_ALERTS).name());
    }

    Map<String, String> byField() {
      return Map.of(
          "newReferrals", String.valueOf(newReferrals),
          "referralResponses", String.valueOf(referralResponses),
          "deadlines", String.valueOf(deadlines),
          "treatmentAlerts", String.valueOf(treatmentAlerts));
    }
  }

  /** The form fields in display order, with their category. */
  private static final Map<String, Category> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("newReferrals", Category.NEW_REFERRALS);
    FIELDS.put("referralResponses", Category.REFERRAL_RESPONSES);
    FIELDS.put("deadlines", Category.DEADLINES);
    FIELDS.put("treatmentAlerts", Category.TREATMENT_ALERTS);
  }

  private final Inbox inbox;
  private final Preferences preferences;
  private final MailOutbox mail;
  private final NotificationProperties properties;

  NotificationPagesController(
      Inbox inbox, Preferences preferences, MailOutbox mail, NotificationProperties properties) {
    this.inbox = inbox;
    this.preferences = preferences;
    this.mail = mail;
    this.properties = properties;
  }

  @GetMapping("/notifications")
  @PreAuthorize(NotificationRoles.USER)
  String list(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(defaultValue = "false") boolean unread,
      Model model) {
    model.addAttribute("entries", inbox.of(principal.user(), unread));
    model.addAttribute("unreadOnly", unread);
    model.addAttribute("unreadCount", inbox.unreadCount(principal.user()));
    return "notifications/list";
  }

  @PostMapping("/notifications/{id}/read")
  @PreAuthorize(NotificationRoles.USER)
  String read(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    inbox.markRead(principal.user(), id);
    redirect.addFlashAttribute("notice", "notifications.list.markedRead");
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read-all")
  @PreAuthorize(NotificationRoles.USER)
  String readAll(
      @AuthenticationPrincipal BridgewayPrincipal principal, RedirectAttributes redirect) {
    inbox.markAllRead(principal.user());
    redirect.addFlashAttribute("notice", "notifications.list.allMarkedRead");
    return "redirect:/notifications";
  }

  @GetMapping("/notifications/preferences")
  @PreAuthorize(NotificationRoles.USER)
  String preferences(@AuthenticationPrincipal BridgewayPrincipal principal, Model model) {
    model.addAttribute("preferencesForm", PreferencesForm.of(preferences.of(principal.user())));
    return preferencesPage(model);
  }

  @PostMapping("/notifications/preferences")
  @PreAuthorize(NotificationRoles.USER)
  String choose(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @ModelAttribute("preferencesForm") PreferencesForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Map<Category, EmailMode> choices = new EnumMap<>(Category.class);
    form.byField()
        .forEach(
            (field, value) -> {
              try {
                choices.put(FIELDS.get(field), EmailMode.valueOf(value));
              } catch (IllegalArgumentException e) {
                errors.rejectValue(
                    field, "notifications.preferences.invalid", "Choose one of the options.");
              }
            });
    if (errors.hasErrors()) {
      return preferencesPage(model);
    }
    preferences.choose(principal.user(), choices);
    redirect.addFlashAttribute("notice", "notifications.preferences.saved");
    return "redirect:/notifications/preferences";
  }

  private String preferencesPage(Model model) {
    model.addAttribute("fields", FIELDS);
    model.addAttribute("modes", EmailMode.values());
    model.addAttribute("emailConfigured", mail.configured());
    model.addAttribute(
        "digestTime", properties.digestTime().format(DateTimeFormatter.ofPattern("HH:mm")));
    model.addAttribute("digestZone", properties.zone().getId());
    return "notifications/preferences";
  }
}

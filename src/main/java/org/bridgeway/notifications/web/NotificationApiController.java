package org.bridgeway.notifications.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.Role;
import org.bridgeway.notifications.inbox.Category;
import org.bridgeway.notifications.inbox.EmailMode;
import org.bridgeway.notifications.inbox.Inbox;
import org.bridgeway.notifications.inbox.InboxEntry;
import org.bridgeway.notifications.inbox.Preferences;
import org.bridgeway.notifications.mail.MailOutbox;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications and preferences, and the mail outbox for administrators. */
@RestController
class NotificationApiController {

  record Links(String page, String api) {}

  record NotificationView(
      UUID id,
      Category category,
      String change,
      String message,
      UUID referralId,
      UUID alertId,
      Links links,
      Instant createdAt,
      Instant readAt) {}

  record NotificationList(long unread, List<NotificationView> items) {}

  record PreferencesView(boolean emailConfigured, Map<Category, EmailMode> email) {}

  record PreferencesRequest(@NotEmpty Map<Category, EmailMode> email) {}

  private final Inbox inbox;
  private final Preferences preferences;
  private final MailOutbox mail;
  private final MessageSource messages;

  NotificationApiController(
      Inbox inbox, Preferences preferences, MailOutbox mail, MessageSource messages) {
    this.inbox = inbox;
    this.preferences = preferences;
    this.mail = mail;
    this.messages = messages;
  }

  @GetMapping("/api/v1/notifications")
  @PreAuthorize(NotificationRoles.USER)
  NotificationList list(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(defaultValue = "false") boolean unreadOnly) {
    List<NotificationView> items =
        inbox.of(principal.user(), unreadOnly).stream().map(this::view).toList();
    return new NotificationList(inbox.unreadCount(principal.user()), items);
  }

  @PostMapping("/api/v1/notifications/{id}/read")
  @PreAuthorize(NotificationRoles.USER)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void read(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    inbox.markRead(principal.user(), id);
  }

  @PostMapping("/api/v1/notifications/read-all")
  @PreAuthorize(NotificationRoles.USER)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void readAll(@AuthenticationPrincipal BridgewayPrincipal principal) {
    inbox.markAllRead(principal.user());
  }

  @GetMapping("/api/v1/notifications/preferences")
  @PreAuthorize(NotificationRoles.USER)
  PreferencesView preferences(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return new PreferencesView(mail.configured(), preferences.of(principal.user()));
  }

  @PutMapping("/api/v1/notifications/preferences")
  @PreAuthorize(NotificationRoles.USER)
  PreferencesView choose(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody PreferencesRequest request) {
    return new PreferencesView(
        mail.configured(), preferences.choose(principal.user(), request.email()));
  }

  @GetMapping("/api/v1/notifications/mail")
  @PreAuthorize(NotificationRoles.MAIL_ADMIN)
  List<MailOutbox.MailLine> outbox(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(defaultValue = "FAILED") MailOutbox.Status status) {
    UUID organization = principal.has(Role.NETWORK_ADMIN) ? null : principal.organization().value();
    return mail.outbox(organization, status);
  }

  private NotificationView view(InboxEntry entry) {
    return new NotificationView(
        entry.id(),
        entry.category(),
        entry.change(),
        messages.getMessage("notifications.change." + entry.change(), null, Locale.ENGLISH),
        entry.referralId(),
        entry.alertId(),
        new Links(entry.page(), entry.api()),
        entry.createdAt(),
        entry.readAt());
  }
}

package org.bridgeway.care.reminder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.supervision.PersonId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's appointment reminders over the API: the settings with the reminders sent, a change of
 * the preferences, and the person's "STOP" (an SMS provider's inbound message, or the person
 * telling the agency), which records the opt-out at once. Posts take an {@code Idempotency-Key}
 * (ADR 0004).
 */
@RestController
class ReminderApiController {

  /** Channels and the provider's name left out mean "no". */
  record PreferencesRequest(
      Boolean sms,
      Boolean email,
      @NotNull @Size(max = 60) String timeZone,
      Boolean nameProvider,
      Long version) {}

  record StopRequest(ReminderChannel channel, @Size(max = 160) String message) {}

  record SettingsView(
      UUID personId,
      boolean phoneOnRecord,
      boolean emailOnRecord,
      String preferredMethod,
      LocalTime quietHoursStart,
      LocalTime quietHoursEnd,
      String timeZone,
      boolean sms,
      boolean email,
      boolean nameProvider,
      Instant smsOptedOutAt,
      Instant emailOptedOutAt,
      Long version,
      List<AppointmentReminders.Reminder> reminders) {}

  private final ReminderSettings settings;
  private final AppointmentReminders reminders;

  ReminderApiController(ReminderSettings settings, AppointmentReminders reminders) {
    this.settings = settings;
    this.reminders = reminders;
  }

  @GetMapping("/api/v1/care/people/{id}/reminders")
  @PreAuthorize(ReminderRoles.AGENCY_STAFF)
  SettingsView show(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    PersonId person = new PersonId(id);
    return view(settings.settingsOf(principal, person), reminders.remindersOf(principal, person));
  }

  @PostMapping("/api/v1/care/people/{id}/reminders/preferences")
  @PreAuthorize(ReminderRoles.AGENCY_STAFF)
  SettingsView change(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody PreferencesRequest request) {
    PersonId person = new PersonId(id);
    ReminderSettings.Settings changed =
        settings.change(
            principal,
            person,
            new ReminderSettings.Change(
                Boolean.TRUE.equals(request.sms()),
                Boolean.TRUE.equals(request.email()),
                request.timeZone(),
                Boolean.TRUE.equals(request.nameProvider()),
                request.version()));
    return view(changed, List.of());
  }

  @PostMapping("/api/v1/care/people/{id}/reminders/stop")
  @PreAuthorize(ReminderRoles.AGENCY_STAFF)
  SettingsView stop(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody StopRequest request) {
    ReminderChannel channel = request.channel() == null ? ReminderChannel.SMS : request.channel();
    return view(settings.optOut(principal, new PersonId(id), channel), List.of());
  }

  static SettingsView view(
      ReminderSettings.Settings shown, List<AppointmentReminders.Reminder> sent) {
    ReminderPreference p = shown.preference();
    return new SettingsView(
        p.personId().value(),
        shown.contact().phone() != null && !shown.contact().phone().isBlank(),
        shown.contact().email() != null && !shown.contact().email().isBlank(),
        shown.contact().method(),
        shown.contact().quietStart(),
        shown.contact().quietEnd(),
        p.zone().getId(),
        p.wants(ReminderChannel.SMS),
        p.wants(ReminderChannel.EMAIL),
        p.nameProvider(),
        p.optedOutAt(ReminderChannel.SMS),
        p.optedOutAt(ReminderChannel.EMAIL),
        p.version(),
        sent);
  }
}

package org.bridgeway.referrals.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.lifecycle.DeclineReason;
import org.bridgeway.referrals.lifecycle.EndReason;
import org.bridgeway.referrals.lifecycle.InboxFilter;
import org.bridgeway.referrals.lifecycle.IntakeMode;
import org.bridgeway.referrals.lifecycle.Referral;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.shared.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's side of the referrals API, for provider staff and partner systems: the inbox, the
 * referral as shared with the provider (protected content under consent), the answers and the
 * organization's response deadline. Every POST takes an {@code Idempotency-Key}; every answer
 * quotes the version read.
 */
@RestController
class ProviderReferralApiController {

  private static final String BASE = "/api/v1/referrals/provider";
  private static final String SETTINGS = "/api/v1/referrals/providers/{organizationId}/settings";

  /** Settings are the caller's organization's own: any other answers 404, like a missing one. */
  private static void requireOwn(BridgewayPrincipal principal, UUID organization) {
    if (!principal.organization().value().equals(organization)) {
      throw new NotFoundException("provider organization");
    }
  }

  record VersionRequest(@NotNull @Min(0) Long version) {}

  record AssignRequest(@NotNull UUID caseworkerId, @NotNull @Min(0) Long version) {}

  record DeclineRequest(
      @NotNull DeclineReason reason,
      @NotBlank @Size(max = Referral.MAX_TEXT) String note,
      @NotNull @Min(0) Long version) {}

  record WaitlistRequest(@NotNull LocalDate estimatedDate, @NotNull @Min(0) Long version) {}

  record IntakeRequest(
      @NotNull Instant intakeAt,
      @NotNull IntakeMode mode,
      @Size(max = Referral.MAX_NAME) String place,
      @NotNull @Min(0) Long version) {}

  record CompleteRequest(
      @Size(max = Referral.MAX_TEXT) String note, @NotNull @Min(0) Long version) {}

  record EndEarlyRequest(
      @NotNull EndReason reason,
      @NotBlank @Size(max = Referral.MAX_TEXT) String note,
      @NotNull @Min(0) Long version) {}

  record SettingsRequest(
      @NotNull @Min(1) @Max(30) Integer responseBusinessDays,
      @NotNull @Min(1) @Max(168) Integer reminderHours,
      @NotNull @Min(0) Long version) {}

  private final ReferralRecords referrals;

  ProviderReferralApiController(ReferralRecords referrals) {
    this.referrals = referrals;
  }

  @GetMapping(BASE + "/inbox")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  PageResponse<ReferralJson.Summary> inbox(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(defaultValue = "OPEN") InboxFilter filter,
      @Valid PageQuery page) {
    return referrals.inbox(principal, filter, page).map(ReferralJson.Summary::of);
  }

  @GetMapping(BASE + "/expired")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  PageResponse<ReferralJson.Summary> expired(
      @AuthenticationPrincipal BridgewayPrincipal principal, @Valid PageQuery page) {
    return referrals.expiredAtProvider(principal, page).map(ReferralJson.Summary::of);
  }

  @GetMapping(SETTINGS)
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Settings settings(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID organizationId) {
    requireOwn(principal, organizationId);
    return ReferralJson.Settings.of(referrals.deadlineSettings(principal));
  }

  @PutMapping(SETTINGS)
  @PreAuthorize(ReferralRoles.ADMINISTRATORS)
  ReferralJson.Settings setSettings(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID organizationId,
      @Valid @RequestBody SettingsRequest request) {
    requireOwn(principal, organizationId);
    return ReferralJson.Settings.of(
        referrals.setDeadlineSettings(
            principal, request.responseBusinessDays(), request.reminderHours(), request.version()));
  }

  @GetMapping(BASE + "/{id}")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Referral get(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return ReferralJson.Referral.of(referrals.atProvider(principal, new ReferralId(id)));
  }

  @GetMapping(BASE + "/{id}/timeline")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  List<ReferralJson.Entry> timeline(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return referrals.atProvider(principal, new ReferralId(id)).timeline().stream()
        .map(ReferralJson.Entry::of)
        .toList();
  }

  @GetMapping(BASE + "/{id}/attachments/{attachmentId}")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID attachmentId) {
    return ReferralApiController.file(
        referrals.attachmentAtProvider(principal, new ReferralId(id), attachmentId));
  }

  @PostMapping(BASE + "/{id}/assign")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Referral assign(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody AssignRequest r) {
    return ReferralJson.Referral.of(
        referrals.assign(principal, new ReferralId(id), new UserId(r.caseworkerId()), r.version()));
  }

  @PostMapping(BASE + "/{id}/accept")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Referral accept(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody VersionRequest r) {
    return ReferralJson.Referral.of(referrals.accept(principal, new ReferralId(id), r.version()));
  }

  @PostMapping(BASE + "/{id}/decline")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Referral decline(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody DeclineRequest r) {
    return ReferralJson.Referral.of(
        referrals.decline(
            principal,
            new ReferralId(id),
            new ReferralRecords.Decline(r.reason(), r.note()),
            r.version()));
  }

  @PostMapping(BASE + "/{id}/waitlist")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Referral waitlist(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody WaitlistRequest r) {
    return ReferralJson.Referral.of(
        referrals.waitlist(principal, new ReferralId(id), r.estimatedDate(), r.version()));
  }

  @PostMapping(BASE + "/{id}/schedule-intake")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Referral scheduleIntake(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody IntakeRequest r) {
    return ReferralJson.Referral.of(
        referrals.scheduleIntake(
            principal,
            new ReferralId(id),
            new ReferralRecords.Intake(r.intakeAt(), r.mode(), r.place()),
            r.version()));
  }

  @PostMapping(BASE + "/{id}/start")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Referral start(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody VersionRequest r) {
    return ReferralJson.Referral.of(referrals.start(principal, new ReferralId(id), r.version()));
  }

  @PostMapping(BASE + "/{id}/complete")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Referral complete(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody CompleteRequest r) {
    return ReferralJson.Referral.of(
        referrals.complete(principal, new ReferralId(id), r.note(), r.version()));
  }

  @PostMapping(BASE + "/{id}/end-early")
  @PreAuthorize(ReferralRoles.PROVIDERS)
  ReferralJson.Referral endEarly(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody EndEarlyRequest r) {
    return ReferralJson.Referral.of(
        referrals.endEarly(
            principal,
            new ReferralId(id),
            new ReferralRecords.EndEarly(r.reason(), r.note()),
            r.version()));
  }
}

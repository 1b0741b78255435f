package org.bridgeway.referrals.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.referrals.lifecycle.Attachments;
import org.bridgeway.referrals.lifecycle.DeclineReason;
import org.bridgeway.referrals.lifecycle.EndReason;
import org.bridgeway.referrals.lifecycle.IntakeMode;
import org.bridgeway.referrals.lifecycle.PreferredContact;
import org.bridgeway.referrals.lifecycle.Referral;
import org.bridgeway.referrals.lifecycle.ReferralInputRejected;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.referrals.lifecycle.Urgency;
import org.bridgeway.referrals.lifecycle.WithdrawReason;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.ApiBodyLimit;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.shared.web.PageResponse;
import org.bridgeway.supervision.PersonId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The referrer's side of the referrals API: drafts, sending (on or off the platform), amendments,
 * withdrawals, the answers of providers off the platform, the agency's lists, timelines and
 * attachments. Every POST takes an {@code Idempotency-Key}; every change quotes the version read.
 */
@RestController
class ReferralApiController {

  enum Scope {
    MINE,
    AGENCY
  }

  record DraftRequest(
      @NotNull UUID personId,
      UUID serviceId,
      @NotNull NeedDomain needDomain,
      UUID goalId,
      @NotBlank @Size(max = Referral.MAX_TEXT) String reason,
      @Size(max = Referral.MAX_HISTORY) String history,
      @Size(max = Referral.MAX_TEXT) String riskInformation,
      Set<InformationCategory> sharedCategories,
      @NotNull Urgency urgency,
      @NotNull PreferredContact preferredContact) {

    ReferralRecords.Draft draft() {
      return new ReferralRecords.Draft(
          serviceId == null ? null : new ServiceId(serviceId),
          needDomain,
          goalId,
          reason,
          history,
          riskInformation,
          sharedCategories,
          urgency,
          preferredContact);
    }
  }

  record UpdateDraftRequest(
      UUID serviceId,
      @NotNull NeedDomain needDomain,
      UUID goalId,
      @NotBlank @Size(max = Referral.MAX_TEXT) String reason,
      @Size(max = Referral.MAX_HISTORY) String history,
      @Size(max = Referral.MAX_TEXT) String riskInformation,
      Set<InformationCategory> sharedCategories,
      @NotNull Urgency urgency,
      @NotNull PreferredContact preferredContact,
      @NotNull @Min(0) Long version) {}

  record SendRequest(
      @Size(max = Referral.MAX_JUSTIFICATION) String eligibilityJustification,
      @NotNull @Min(0) Long version) {}

  record OffPlatformRequest(
      @NotBlank @Size(max = Referral.MAX_NAME) String providerName,
      @Size(max = 40) String providerPhone,
      @NotNull @Min(0) Long version) {}

  record AmendRequest(
      @Size(max = Referral.MAX_TEXT) String reason,
      @Size(max = Referral.MAX_HISTORY) String history,
      @Size(max = Referral.MAX_TEXT) String riskInformation,
      Urgency urgency,
      PreferredContact preferredContact,
      @NotBlank @Size(max = Referral.MAX_TEXT) String amendmentReason,
      @NotNull @Min(0) Long version) {}

  record WithdrawRequest(
      @NotNull WithdrawReason reason,
      @NotBlank @Size(max = Referral.MAX_TEXT) String note,
      @NotNull @Min(0) Long version) {}

  record OutcomeRequest(
      @NotNull ReferralRecords.OffPlatformAnswer answer,
      DeclineReason declineReason,
      EndReason endReason,
      @Size(max = Referral.MAX_TEXT) String note,
      LocalDate estimatedDate,
      Instant intakeAt,
      IntakeMode intakeMode,
      @Size(max = Referral.MAX_NAME) String intakePlace,
      @NotNull @Min(0) Long version) {}

  private final ReferralRecords referrals;

  ReferralApiController(ReferralRecords referrals) {
    this.referrals = referrals;
  }

  @PostMapping("/api/v1/referrals")
  @PreAuthorize(ReferralRoles.REFERRERS)
  ResponseEntity<ReferralJson.Referral> draft(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody DraftRequest request) {
    var view = referrals.draft(principal, new PersonId(request.personId()), request.draft());
    return ResponseEntity.status(HttpStatus.CREATED).body(ReferralJson.Referral.of(view));
  }

  @PutMapping("/api/v1/referrals/{id}")
  @PreAuthorize(ReferralRoles.REFERRERS)
  ReferralJson.Referral updateDraft(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody UpdateDraftRequest r) {
    return ReferralJson.Referral.of(
        referrals.updateDraft(
            principal,
            new ReferralId(id),
            new ReferralRecords.Draft(
                r.serviceId() == null ? null : new ServiceId(r.serviceId()),
                r.needDomain(),
                r.goalId(),
                r.reason(),
                r.history(),
                r.riskInformation(),
                r.sharedCategories(),
                r.urgency(),
                r.preferredContact()),
            r.version()));
  }

  @PostMapping("/api/v1/referrals/{id}/send")
  @PreAuthorize(ReferralRoles.REFERRERS)
  ReferralJson.Referral send(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody SendRequest request) {
    return ReferralJson.Referral.of(
        referrals.send(
            principal,
            new ReferralId(id),
            new ReferralRecords.Send(request.eligibilityJustification()),
            request.version()));
  }

  @PostMapping("/api/v1/referrals/{id}/send-off-platform")
  @PreAuthorize(ReferralRoles.REFERRERS)
  ReferralJson.Referral sendOffPlatform(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody OffPlatformRequest request) {
    return ReferralJson.Referral.of(
        referrals.sendOffPlatform(
            principal,
            new ReferralId(id),
            new ReferralRecords.SendOffPlatform(request.providerName(), request.providerPhone()),
            request.version()));
  }

  @PostMapping("/api/v1/referrals/{id}/amend")
  @PreAuthorize(ReferralRoles.REFERRERS)
  ReferralJson.Referral amend(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody AmendRequest r) {
    return ReferralJson.Referral.of(
        referrals.amend(
            principal,
            new ReferralId(id),
            new ReferralRecords.Amend(
                r.reason(),
                r.history(),
                r.riskInformation(),
                r.urgency(),
                r.preferredContact(),
                r.amendmentReason()),
            r.version()));
  }

  @PostMapping("/api/v1/referrals/{id}/withdraw")
  @PreAuthorize(ReferralRoles.REFERRERS)
  ReferralJson.Referral withdraw(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody WithdrawRequest r) {
    return ReferralJson.Referral.of(
        referrals.withdraw(
            principal,
            new ReferralId(id),
            new ReferralRecords.Withdraw(r.reason(), r.note()),
            r.version()));
  }

  @PostMapping("/api/v1/referrals/{id}/outcome")
  @PreAuthorize(ReferralRoles.REFERRERS)
  ReferralJson.Referral outcome(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody OutcomeRequest r) {
    ReferralRecords.Intake intake =
        r.intakeAt() == null && r.intakeMode() == null
            ? null
            : new ReferralRecords.Intake(r.intakeAt(), r.intakeMode(), r.intakePlace());
    return ReferralJson.Referral.of(
        referrals.recordOffPlatformOutcome(
            principal,
            new ReferralId(id),
            new ReferralRecords.OffPlatformOutcome(
                r.answer(), r.declineReason(), r.endReason(), r.note(), r.estimatedDate(), intake),
            r.version()));
  }

  @GetMapping("/api/v1/referrals")
  @PreAuthorize(ReferralRoles.REFERRERS)
  PageResponse<ReferralJson.Summary> list(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(defaultValue = "AGENCY") Scope scope,
      @RequestParam(required = false) ReferralState state,
      @Valid PageQuery page) {
    return referrals
        .referralsOfAgency(
            principal, new ReferralRecords.ReferrerFilter(scope == Scope.MINE, state), page)
        .map(ReferralJson.Summary::of);
  }

  @GetMapping("/api/v1/referrals/expired")
  @PreAuthorize(ReferralRoles.REFERRERS)
  PageResponse<ReferralJson.Summary> expired(
      @AuthenticationPrincipal BridgewayPrincipal principal, @Valid PageQuery page) {
    return referrals.expiredOfAgency(principal, page).map(ReferralJson.Summary::of);
  }

  @GetMapping("/api/v1/referrals/{id}")
  @PreAuthorize(ReferralRoles.REFERRERS)
  ReferralJson.Referral get(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return ReferralJson.Referral.of(referrals.referral(principal, new ReferralId(id)));
  }

  @GetMapping("/api/v1/referrals/{id}/timeline")
  @PreAuthorize(ReferralRoles.REFERRERS)
  java.util.List<ReferralJson.Entry> timeline(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return referrals.referral(principal, new ReferralId(id)).timeline().stream()
        .map(ReferralJson.Entry::of)
        .toList();
  }

  @PostMapping(
      value = "/api/v1/referrals/{id}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(ReferralRoles.REFERRERS)
  @ApiBodyLimit("6MB")
  ResponseEntity<ReferralJson.Attachment> attach(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestPart("file") MultipartFile file) {
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException unreadable) {
      throw ReferralInputRejected.of("file", "Unreadable", "could not be read");
    }
    Attachments.Info stored =
        referrals.attach(principal, new ReferralId(id), file.getOriginalFilename(), content);
    return ResponseEntity.status(HttpStatus.CREATED).body(ReferralJson.Attachment.of(stored));
  }

  @GetMapping("/api/v1/referrals/{id}/attachments/{attachmentId}")
  @PreAuthorize(ReferralRoles.REFERRERS)
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID attachmentId) {
    return file(referrals.attachment(principal, new ReferralId(id), attachmentId));
  }

  /** An attachment as a download, never rendered inline (it may be any text). */
  static ResponseEntity<byte[]> file(Attachments.File file) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.info().mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.info().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }
}

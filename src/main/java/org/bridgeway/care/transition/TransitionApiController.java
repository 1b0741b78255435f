package org.bridgeway.care.transition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transitions of care over the API. The agency's side: a person's transitions (with the intake
 * status of releases), record a release or a hand-off. The providers' side: the hand-offs they send
 * or receive, one hand-off with its transfer summary (for the receiver as far as the consent
 * allows), and writing the summary. Posts take an {@code Idempotency-Key} (ADR 0004).
 */
@RestController
class TransitionApiController {

  record ReleaseRequest(
      @NotNull LocalDate releasedOn,
      @Min(1) @Max(CareTransition.MAX_INTAKE_WINDOW) Integer intakeWithinDays,
      UUID referralId,
      UUID intakeEpisodeId) {}

  record HandOffRequest(
      @NotNull TransitionKind kind,
      @NotNull UUID fromEpisodeId,
      @NotNull UUID toEpisodeId,
      @NotNull LocalDate overlapEndsOn,
      UUID referralId) {}

  record SummaryRequest(
      @NotNull @Size(min = 1, max = TransferSummary.MAX_SUMMARY) String summary, Long version) {}

  record SideView(
      UUID episodeId,
      UUID providerId,
      String providerName,
      LocalDate startedOn,
      LocalDate endedOn) {

    static SideView of(Transitions.Side side) {
      return side == null
          ? null
          : new SideView(
              side.episode().value(),
              side.provider().value(),
              side.providerName(),
              side.startedOn(),
              side.endedOn());
    }
  }

  record TransitionView(
      UUID id,
      long version,
      UUID personId,
      TransitionKind kind,
      LocalDate releasedOn,
      Integer intakeWithinDays,
      LocalDate intakeDueBy,
      LocalDate intakeOn,
      Transitions.IntakeStatus intake,
      Boolean intakeGap,
      UUID referralId,
      SideView from,
      SideView to,
      LocalDate overlapEndsOn,
      long overlapDays,
      boolean summaryWritten) {

    static TransitionView of(Transitions.TransitionShown shown) {
      CareTransition t = shown.transition();
      return new TransitionView(
          t.id().value(),
          t.version(),
          t.personId().value(),
          t.kind(),
          t.releasedOn(),
          t.intakeWithinDays(),
          t.intakeDueBy(),
          shown.intakeOn(),
          shown.intake(),
          shown.intake() == null ? null : shown.intake().gap(),
          t.referralId(),
          SideView.of(shown.from()),
          SideView.of(shown.to()),
          t.overlapEndsOn(),
          shown.overlapDays(),
          shown.summaryWritten());
    }
  }

  record HandOffView(
      UUID id,
      TransitionKind kind,
      String personName,
      LocalDate personDateOfBirth,
      SideView from,
      SideView to,
      LocalDate overlapEndsOn,
      String side,
      String summary,
      Long summaryVersion,
      WithholdingReason summaryWithheld,
      LocalDate withheldSince,
      String notice) {}

  private final Transitions transitions;
  private final MessageSource messages;

  TransitionApiController(Transitions transitions, MessageSource messages) {
    this.transitions = transitions;
    this.messages = messages;
  }

  @GetMapping("/api/v1/care/people/{id}/transitions")
  @PreAuthorize(TransitionRoles.AGENCY_STAFF)
  List<TransitionView> transitions(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return transitions.transitionsOf(principal, new PersonId(id)).stream()
        .map(TransitionView::of)
        .toList();
  }

  @PostMapping("/api/v1/care/people/{id}/transitions/releases")
  @PreAuthorize(TransitionRoles.AGENCY_STAFF)
  ResponseEntity<TransitionView> release(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ReleaseRequest request) {
    CareTransition recorded =
        transitions.recordRelease(
            principal,
            new PersonId(id),
            new Transitions.NewRelease(
                request.releasedOn(),
                request.intakeWithinDays(),
                request.referralId(),
                request.intakeEpisodeId()));
    return created(principal, id, recorded);
  }

  @PostMapping("/api/v1/care/people/{id}/transitions/hand-offs")
  @PreAuthorize(TransitionRoles.AGENCY_STAFF)
  ResponseEntity<TransitionView> handOff(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody HandOffRequest request) {
    CareTransition recorded =
        transitions.recordHandOff(
            principal,
            new PersonId(id),
            new Transitions.NewHandOff(
                request.kind(),
                request.fromEpisodeId(),
                request.toEpisodeId(),
                request.overlapEndsOn(),
                request.referralId()));
    return created(principal, id, recorded);
  }

  private ResponseEntity<TransitionView> created(
      BridgewayPrincipal principal, UUID person, CareTransition recorded) {
    Transitions.TransitionShown shown =
        transitions.transitionsOf(principal, new PersonId(person)).stream()
            .filter(t -> t.transition().id().equals(recorded.id()))
            .findFirst()
            .orElseThrow();
    return ResponseEntity.status(HttpStatus.CREATED).body(TransitionView.of(shown));
  }

  @GetMapping("/api/v1/care/provider/transitions")
  @PreAuthorize(TransitionRoles.PROVIDER_STAFF)
  List<TransitionView> providerTransitions(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return transitions.handOffsAtProvider(principal).stream().map(TransitionView::of).toList();
  }

  @GetMapping("/api/v1/care/provider/transitions/{id}")
  @PreAuthorize(TransitionRoles.PROVIDER_STAFF)
  HandOffView providerTransition(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return view(transitions.handOffAtProvider(principal, new TransitionId(id)));
  }

  @PostMapping("/api/v1/care/provider/transitions/{id}/summary")
  @PreAuthorize(TransitionRoles.PROVIDER_STAFF)
  HandOffView writeSummary(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody SummaryRequest request) {
    transitions.writeSummary(principal, new TransitionId(id), request.summary(), request.version());
    return view(transitions.handOffAtProvider(principal, new TransitionId(id)));
  }

  private HandOffView view(Transitions.HandOffAtProvider handOff) {
    CareTransition t = handOff.transition();
    return new HandOffView(
        t.id().value(),
        t.kind(),
        handOff.personName(),
        handOff.personDateOfBirth(),
        SideView.of(handOff.from()),
        SideView.of(handOff.to()),
        t.overlapEndsOn(),
        handOff.sending() ? "SENDING" : "RECEIVING",
        handOff.summary() == null ? null : handOff.summary().summary(),
        handOff.summary() == null ? null : handOff.summary().version(),
        handOff.withheld() == null ? null : handOff.withheld().reason(),
        handOff.withheld() == null ? null : handOff.withheld().since(),
        handOff.noticeRequired()
            ? messages.getMessage(
                ConsentDecisions.NOTICE_KEY, null, LocaleContextHolder.getLocale())
            : null);
  }
}

package org.bridgeway.care.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareRecords;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.ProviderReport;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.episode.TreatmentBasis;
import org.bridgeway.care.episode.TreatmentDisclosures;
import org.bridgeway.care.episode.TreatmentDisclosures.TreatmentShown;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.record.Discharge;
import org.bridgeway.care.record.DrugTest;
import org.bridgeway.care.record.ProgressReport;
import org.bridgeway.care.record.TreatmentPlan;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.session.AppointmentStatus;
import org.bridgeway.care.session.Attendance;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.care.session.Concern;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.MessageSource;
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
 * Treatment episodes and provider reports over the API. The agency's side: record an episode and
 * read a person's treatment as far as the consent allows, with markers for what is withheld. The
 * provider's side: the episodes at the provider, an episode with its reports, post a report and end
 * an episode. Posts take an {@code Idempotency-Key} (ADR 0004) like every API write.
 */
@RestController
class CareApiController {

  record EpisodeRequest(
      @NotNull UUID providerId,
      UUID directoryServiceId,
      @NotNull TreatmentBasis basis,
      @NotNull LocalDate startedOn) {}

  record ReportRequest(
      @NotNull InformationCategory category,
      @NotNull LocalDate reportedOn,
      @NotBlank @Size(max = ProviderReport.MAX_SUMMARY) String summary,
      DrugTestResult result,
      @Size(max = 20) Set<@NotNull Substance> substances) {}

  record EndRequest(
      @NotNull LocalDate endedOn, @NotNull EndReason reason, @NotNull @Min(0) Long version) {}

  /** An episode as the agency recorded it; its end only when the discharge is disclosed. */
  record EpisodeView(
      UUID id,
      long version,
      UUID personId,
      UUID providerId,
      String providerName,
      UUID directoryServiceId,
      TreatmentBasis basis,
      LocalDate startedOn,
      LocalDate endedOn,
      EndReason endReason) {}

  record ReportView(
      UUID id,
      UUID episodeId,
      UUID providerId,
      InformationCategory category,
      LocalDate reportedOn,
      String summary,
      DrugTestResult result,
      Set<Substance> substances,
      Sensitivity sensitivity,
      Instant reportedAt) {

    static ReportView of(ProviderReport r) {
      return new ReportView(
          r.id().value(),
          r.episodeId().value(),
          r.providerId().value(),
          r.category(),
          r.reportedOn(),
          r.summary(),
          r.drugTestResult(),
          r.substances(),
          r.sensitivity(),
          r.reportedAt());
    }
  }

  record WithheldView(
      UUID providerId,
      String providerName,
      InformationCategory category,
      WithholdingReason reason,
      LocalDate since,
      String message) {}

  /** Attendance as the officer sees it: never the provider's session note. */
  record OfficerAttendanceView(
      AttendanceOutcome outcome, String reason, String feedback, Set<Concern> concerns) {}

  /** An appointment as the officer sees it, with its moves and attendance. */
  record OfficerAppointmentView(
      UUID id,
      UUID episodeId,
      UUID providerId,
      AppointmentKind kind,
      AppointmentMode mode,
      Instant startsAt,
      int durationMinutes,
      AppointmentStatus status,
      List<ProviderRecordsApiController.ChangeView> changes,
      OfficerAttendanceView attendance) {

    static OfficerAppointmentView of(Appointment a) {
      Attendance at = a.attendance();
      return new OfficerAppointmentView(
          a.id().value(),
          a.episodeId().value(),
          a.providerId().value(),
          a.kind(),
          a.mode(),
          a.startsAt(),
          a.durationMinutes(),
          a.status(),
          a.changes().stream()
              .map(
                  c ->
                      new ProviderRecordsApiController.ChangeView(
                          c.kind(),
                          c.requestedBy(),
                          c.reason(),
                          c.oldStartsAt(),
                          c.newStartsAt(),
                          c.changedAt()))
              .toList(),
          at == null
              ? null
              : new OfficerAttendanceView(
                  at.outcome(), at.reason(), at.feedback(), at.concernFlags()));
    }
  }

  /**
   * A person's treatment for the agency; {@code notice} is set whenever protected data is shown.
   * Each list holds only what the consent engine permitted; {@code withheld} says what is not
   * shown.
   */
  record TreatmentView(
      UUID personId,
      List<EpisodeView> episodes,
      List<ReportView> reports,
      List<OfficerAppointmentView> appointments,
      List<ProviderRecordsApiController.PlanView> plans,
      List<ProviderRecordsApiController.ProgressView> progressReports,
      List<ProviderRecordsApiController.DrugTestView> drugTests,
      List<ProviderRecordsApiController.DischargeView> discharges,
      List<WithheldView> withheld,
      String notice) {}

  /** An episode as the provider sees it: the person's name and date of birth, nothing more. */
  record ProviderEpisodeView(
      UUID id,
      long version,
      UUID personId,
      String personName,
      LocalDate personDateOfBirth,
      UUID directoryServiceId,
      TreatmentBasis basis,
      LocalDate startedOn,
      LocalDate endedOn,
      EndReason endReason,
      List<ReportView> reports) {

    static ProviderEpisodeView of(TreatmentEpisode e, List<ProviderReport> reports) {
      return new ProviderEpisodeView(
          e.id().value(),
          e.version(),
          e.personId().value(),
          e.person().name(),
          e.person().dateOfBirth(),
          e.directoryServiceId(),
          e.basis(),
          e.startedOn(),
          e.endedOn(),
          e.endReason(),
          reports == null ? null : reports.stream().map(ReportView::of).toList());
    }
  }

  private final CareRecords care;
  private final TreatmentDisclosures treatment;
  private final MessageSource messages;

  CareApiController(CareRecords care, TreatmentDisclosures treatment, MessageSource messages) {
    this.care = care;
    this.treatment = treatment;
    this.messages = messages;
  }

  @GetMapping("/api/v1/care/people/{id}/treatment")
  @PreAuthorize(CareRoles.AGENCY_STAFF)
  TreatmentView treatment(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    TreatmentShown shown = treatment.treatmentOf(principal, new PersonId(id), false);
    return new TreatmentView(
        id,
        shown.episodes().stream()
            .map(
                e ->
                    new EpisodeView(
                        e.episode().id().value(),
                        e.episode().version(),
                        id,
                        e.episode().providerId().value(),
                        e.providerName(),
                        e.episode().directoryServiceId(),
                        e.episode().basis(),
                        e.episode().startedOn(),
                        e.endedOn(),
                        e.endReason()))
            .toList(),
        shown.reportsShown().stream().map(ReportView::of).toList(),
        shown.recordsOf(Appointment.class).stream().map(OfficerAppointmentView::of).toList(),
        shown.recordsOf(TreatmentPlan.class).stream()
            .map(ProviderRecordsApiController.PlanView::of)
            .toList(),
        shown.recordsOf(ProgressReport.class).stream()
            .map(ProviderRecordsApiController.ProgressView::of)
            .toList(),
        shown.recordsOf(DrugTest.class).stream()
            .map(ProviderRecordsApiController.DrugTestView::of)
            .toList(),
        shown.recordsOf(Discharge.class).stream()
            .map(ProviderRecordsApiController.DischargeView::of)
            .toList(),
        shown.withheld().stream()
            .map(
                w ->
                    new WithheldView(
                        w.provider().value(),
                        w.providerName(),
                        w.category(),
                        w.reason(),
                        w.since(),
                        TreatmentTexts.withheld(w, messages)))
            .toList(),
        shown.noticeRequired() ? TreatmentTexts.notice(messages) : null);
  }

  @PostMapping("/api/v1/care/people/{id}/episodes")
  @PreAuthorize(CareRoles.AGENCY_STAFF)
  ResponseEntity<ProviderEpisodeView> recordEpisode(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody EpisodeRequest request) {
    TreatmentEpisode episode =
        care.recordEpisode(
            principal,
            new PersonId(id),
            new CareRecords.NewEpisode(
                new OrganizationId(request.providerId()),
                request.directoryServiceId(),
                request.basis(),
                request.startedOn()));
    return ResponseEntity.status(HttpStatus.CREATED).body(ProviderEpisodeView.of(episode, null));
  }

  @GetMapping("/api/v1/care/provider/episodes")
  @PreAuthorize(CareRoles.PROVIDER_STAFF)
  List<ProviderEpisodeView> providerEpisodes(
      @AuthenticationPrincipal BridgewayPrincipal principal) {
    return care.episodesAtProvider(principal).stream()
        .map(e -> ProviderEpisodeView.of(e, null))
        .toList();
  }

  @GetMapping("/api/v1/care/provider/episodes/{id}")
  @PreAuthorize(CareRoles.PROVIDER_STAFF)
  ProviderEpisodeView providerEpisode(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    CareRecords.EpisodeAtProvider found =
        care.episodeAtProvider(principal, new TreatmentEpisodeId(id));
    return ProviderEpisodeView.of(found.episode(), found.reports());
  }

  @PostMapping("/api/v1/care/provider/episodes/{id}/reports")
  @PreAuthorize(CareRoles.PROVIDER_STAFF)
  ResponseEntity<ReportView> postReport(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ReportRequest request) {
    ProviderReport report =
        care.postReport(
            principal,
            new TreatmentEpisodeId(id),
            new ProviderReport.Content(
                request.category(),
                request.reportedOn(),
                request.summary(),
                request.result(),
                request.substances() == null ? Set.of() : request.substances()));
    return ResponseEntity.status(HttpStatus.CREATED).body(ReportView.of(report));
  }

  @PostMapping("/api/v1/care/provider/episodes/{id}/end")
  @PreAuthorize(CareRoles.PROVIDER_STAFF)
  ProviderEpisodeView endEpisode(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody EndRequest request) {
    return ProviderEpisodeView.of(
        care.endEpisode(
            principal,
            new TreatmentEpisodeId(id),
            request.endedOn(),
            request.reason(),
            request.version()),
        null);
  }
}

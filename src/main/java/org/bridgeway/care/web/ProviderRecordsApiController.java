package org.bridgeway.care.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.record.Discharge;
import org.bridgeway.care.record.DrugTest;
import org.bridgeway.care.record.Engagement;
import org.bridgeway.care.record.GoalOutcome;
import org.bridgeway.care.record.GoalProgress;
import org.bridgeway.care.record.LevelOfCare;
import org.bridgeway.care.record.ProgressReport;
import org.bridgeway.care.record.ProviderRecords;
import org.bridgeway.care.record.TestConfirmation;
import org.bridgeway.care.record.TestMethod;
import org.bridgeway.care.record.TestPanel;
import org.bridgeway.care.record.TreatmentPlan;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentBook;
import org.bridgeway.care.session.AppointmentChange;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.session.AppointmentStatus;
import org.bridgeway.care.session.Attendance;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.care.session.ChangeParty;
import org.bridgeway.care.session.Concern;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.NotFoundException;
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
 * The provider's records on an episode over the API, for its staff and partner systems:
 * appointments (schedule, move, cancel, attendance), the treatment plan, progress reports, drug
 * tests and the discharge. Posts take an {@code Idempotency-Key} (ADR 0004); changes quote the
 * version they read (409 when stale); an external id makes scheduling and test posting idempotent
 * for a partner's own ids too. Another organization's episode or appointment is 404.
 */
@RestController
@PreAuthorize(CareRoles.PROVIDER_STAFF)
class ProviderRecordsApiController {

  static final String BASE = "/api/v1/care/provider/episodes/{id}";

  record AppointmentRequest(
      AppointmentKind kind,
      AppointmentMode mode,
      Instant startsAt,
      Integer durationMinutes,
      String location,
      String noteForPerson,
      String externalId) {}

  record RescheduleRequest(
      Instant startsAt, ChangeParty requestedBy, String reason, @NotNull @Min(0) Long version) {}

  record CancelRequest(ChangeParty requestedBy, String reason, @NotNull @Min(0) Long version) {}

  record AttendanceRequest(
      AttendanceOutcome outcome,
      String reason,
      String sessionNote,
      String feedback,
      @Size(max = 3) Set<@NotNull Concern> concerns,
      @NotNull @Min(0) Long version) {}

  record GoalRequest(UUID goalId, String description) {}

  record PlanRequest(
      LevelOfCare levelOfCare,
      Integer plannedSessions,
      LocalDate effectiveOn,
      @Size(max = TreatmentPlan.MAX_GOALS) List<GoalRequest> goals,
      @Min(0) Integer revises) {}

  record ProgressRequest(
      LocalDate periodFrom,
      LocalDate periodTo,
      Engagement engagement,
      String summary,
      @Size(max = TreatmentPlan.MAX_GOALS) List<GoalProgress> goals) {}

  record DrugTestRequest(
      LocalDate collectedOn,
      TestPanel panel,
      TestMethod method,
      String specimenId,
      @Size(max = 20) Set<@NotNull Substance> tested,
      @Size(max = 20) Set<@NotNull Substance> found,
      DrugTestResult result,
      TestConfirmation confirmation,
      String externalId) {}

  record DischargeRequest(
      LocalDate dischargedOn,
      EndReason reason,
      String summary,
      @Size(max = TreatmentPlan.MAX_GOALS) List<GoalOutcome> goals,
      @NotNull @Min(0) Long version) {}

  record ChangeView(
      AppointmentChange.Kind kind,
      ChangeParty requestedBy,
      String reason,
      Instant oldStartsAt,
      Instant newStartsAt,
      Instant changedAt) {}

  /** Attendance as the provider sees it, with its own session note. */
  record AttendanceView(
      AttendanceOutcome outcome,
      String reason,
      String sessionNote,
      String feedback,
      Set<Concern> concerns,
      Instant recordedAt) {

    static AttendanceView of(Attendance a) {
      return a == null
          ? null
          : new AttendanceView(
              a.outcome(),
              a.reason(),
              a.sessionNote(),
              a.feedback(),
              a.concernFlags(),
              a.recordedAt());
    }
  }

  record AppointmentView(
      UUID id,
      long version,
      UUID episodeId,
      AppointmentKind kind,
      AppointmentMode mode,
      Instant startsAt,
      int durationMinutes,
      String location,
      String noteForPerson,
      AppointmentStatus status,
      String externalId,
      Sensitivity sensitivity,
      List<ChangeView> changes,
      AttendanceView attendance) {

    static AppointmentView of(Appointment a) {
      return new AppointmentView(
          a.id().value(),
          a.version(),
          a.episodeId().value(),
          a.kind(),
          a.mode(),
          a.startsAt(),
          a.durationMinutes(),
          a.location(),
          a.noteForPerson(),
          a.status(),
          a.externalId(),
          a.sensitivity(),
          a.changes().stream()
              .map(
                  c ->
                      new ChangeView(
                          c.kind(),
                          c.requestedBy(),
                          c.reason(),
                          c.oldStartsAt(),
                          c.newStartsAt(),
                          c.changedAt()))
              .toList(),
          AttendanceView.of(a.attendance()));
    }
  }

  record PlanView(
      UUID id,
      int revision,
      LevelOfCare levelOfCare,
      int plannedSessions,
      LocalDate effectiveOn,
      List<GoalRequest> goals,
      Sensitivity sensitivity,
      Instant recordedAt) {

    static PlanView of(TreatmentPlan p) {
      return new PlanView(
          p.id().value(),
          p.revision(),
          p.levelOfCare(),
          p.plannedSessions(),
          p.effectiveOn(),
          p.goals().stream().map(g -> new GoalRequest(g.goalId(), g.description())).toList(),
          p.sensitivity(),
          p.recordedAt());
    }
  }

  /** The plan (its latest revision; null if none) and all its revisions, latest first. */
  record PlanHistoryView(PlanView plan, List<PlanView> revisions) {}

  record ProgressView(
      UUID id,
      LocalDate periodFrom,
      LocalDate periodTo,
      Engagement engagement,
      String summary,
      Integer planRevision,
      List<GoalProgress> goals,
      Sensitivity sensitivity,
      Instant reportedAt) {

    static ProgressView of(ProgressReport r) {
      return new ProgressView(
          r.id().value(),
          r.periodFrom(),
          r.periodTo(),
          r.engagement(),
          r.summary(),
          r.planRevision(),
          r.goals(),
          r.sensitivity(),
          r.reportedAt());
    }
  }

  record DrugTestView(
      UUID id,
      LocalDate collectedOn,
      TestPanel panel,
      TestMethod method,
      String specimenId,
      Set<Substance> tested,
      Set<Substance> found,
      DrugTestResult result,
      TestConfirmation confirmation,
      String externalId,
      Sensitivity sensitivity,
      Instant reportedAt) {

    static DrugTestView of(DrugTest t) {
      return new DrugTestView(
          t.id().value(),
          t.collectedOn(),
          t.panel(),
          t.method(),
          t.specimenId(),
          t.tested(),
          t.found(),
          t.result(),
          t.confirmation(),
          t.externalId(),
          t.sensitivity(),
          t.reportedAt());
    }
  }

  record DischargeView(
      UUID id,
      LocalDate dischargedOn,
      EndReason reason,
      String summary,
      Integer planRevision,
      List<GoalOutcome> goals,
      Sensitivity sensitivity,
      Instant recordedAt) {

    static DischargeView of(Discharge d) {
      return new DischargeView(
          d.id().value(),
          d.dischargedOn(),
          d.reason(),
          d.summary(),
          d.planRevision(),
          d.goals(),
          d.sensitivity(),
          d.recordedAt());
    }
  }

  private final AppointmentBook book;
  private final ProviderRecords records;

  ProviderRecordsApiController(AppointmentBook book, ProviderRecords records) {
    this.book = book;
    this.records = records;
  }

  @GetMapping(BASE + "/appointments")
  List<AppointmentView> appointments(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return book.appointmentsOf(principal, new TreatmentEpisodeId(id)).stream()
        .map(AppointmentView::of)
        .toList();
  }

  @PostMapping(BASE + "/appointments")
  ResponseEntity<AppointmentView> schedule(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody AppointmentRequest request) {
    AppointmentBook.Scheduled scheduled =
        book.schedule(
            principal,
            new TreatmentEpisodeId(id),
            new Appointment.Details(
                request.kind(),
                request.mode(),
                request.startsAt(),
                request.durationMinutes(),
                request.location(),
                request.noteForPerson(),
                request.externalId()));
    return ResponseEntity.status(scheduled.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(AppointmentView.of(scheduled.appointment()));
  }

  @GetMapping(BASE + "/appointments/{appointmentId}")
  AppointmentView appointment(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID appointmentId) {
    return AppointmentView.of(
        book.appointment(principal, new TreatmentEpisodeId(id), new AppointmentId(appointmentId)));
  }

  @PostMapping(BASE + "/appointments/{appointmentId}/reschedule")
  AppointmentView reschedule(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID appointmentId,
      @Valid @RequestBody RescheduleRequest request) {
    return AppointmentView.of(
        book.reschedule(
            principal,
            new TreatmentEpisodeId(id),
            new AppointmentId(appointmentId),
            request.startsAt(),
            request.requestedBy(),
            request.reason(),
            request.version()));
  }

  @PostMapping(BASE + "/appointments/{appointmentId}/cancel")
  AppointmentView cancel(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID appointmentId,
      @Valid @RequestBody CancelRequest request) {
    return AppointmentView.of(
        book.cancel(
            principal,
            new TreatmentEpisodeId(id),
            new AppointmentId(appointmentId),
            request.requestedBy(),
            request.reason(),
            request.version()));
  }

  @PostMapping(BASE + "/appointments/{appointmentId}/attendance")
  AppointmentView attendance(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID appointmentId,
      @Valid @RequestBody AttendanceRequest request) {
    return AppointmentView.of(
        book.recordAttendance(
            principal,
            new TreatmentEpisodeId(id),
            new AppointmentId(appointmentId),
            new Appointment.AttendanceEntry(
                request.outcome(),
                request.reason(),
                request.sessionNote(),
                request.feedback(),
                request.concerns() == null ? Set.of() : request.concerns()),
            request.version()));
  }

  @GetMapping(BASE + "/plan")
  PlanHistoryView plan(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    List<PlanView> revisions =
        records.recordsOf(principal, new TreatmentEpisodeId(id)).planRevisions().stream()
            .map(PlanView::of)
            .toList();
    return new PlanHistoryView(revisions.isEmpty() ? null : revisions.get(0), revisions);
  }

  @PostMapping(BASE + "/plan")
  ResponseEntity<PlanView> writePlan(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody PlanRequest request) {
    TreatmentPlan plan =
        records.writePlan(
            principal,
            new TreatmentEpisodeId(id),
            new TreatmentPlan.Content(
                request.levelOfCare(),
                request.plannedSessions(),
                request.effectiveOn(),
                request.goals() == null
                    ? List.of()
                    : request.goals().stream()
                        .map(
                            g ->
                                g == null
                                    ? null
                                    : new TreatmentPlan.GoalEntry(g.goalId(), g.description()))
                        .toList()),
            request.revises());
    return ResponseEntity.status(HttpStatus.CREATED).body(PlanView.of(plan));
  }

  @GetMapping(BASE + "/progress-reports")
  List<ProgressView> progress(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return records.recordsOf(principal, new TreatmentEpisodeId(id)).progress().stream()
        .map(ProgressView::of)
        .toList();
  }

  @PostMapping(BASE + "/progress-reports")
  ResponseEntity<ProgressView> postProgress(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ProgressRequest request) {
    ProgressReport report =
        records.postProgress(
            principal,
            new TreatmentEpisodeId(id),
            new ProgressReport.Content(
                request.periodFrom(),
                request.periodTo(),
                request.engagement(),
                request.summary(),
                request.goals() == null ? List.of() : request.goals()));
    return ResponseEntity.status(HttpStatus.CREATED).body(ProgressView.of(report));
  }

  @GetMapping(BASE + "/drug-tests")
  List<DrugTestView> tests(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return records.recordsOf(principal, new TreatmentEpisodeId(id)).tests().stream()
        .map(DrugTestView::of)
        .toList();
  }

  @PostMapping(BASE + "/drug-tests")
  ResponseEntity<DrugTestView> postTest(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody DrugTestRequest request) {
    ProviderRecords.Posted posted =
        records.postTest(
            principal,
            new TreatmentEpisodeId(id),
            new DrugTest.Content(
                request.collectedOn(),
                request.panel(),
                request.method(),
                request.specimenId(),
                request.tested() == null ? Set.of() : request.tested(),
                request.found() == null ? Set.of() : request.found(),
                request.result(),
                request.confirmation(),
                request.externalId()));
    return ResponseEntity.status(posted.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(DrugTestView.of(posted.test()));
  }

  @GetMapping(BASE + "/discharge")
  DischargeView discharge(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return records
        .recordsOf(principal, new TreatmentEpisodeId(id))
        .discharge()
        .map(DischargeView::of)
        .orElseThrow(() -> new NotFoundException("discharge"));
  }

  @PostMapping(BASE + "/discharge")
  ResponseEntity<DischargeView> writeDischarge(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody DischargeRequest request) {
    Discharge discharge =
        records.discharge(
            principal,
            new TreatmentEpisodeId(id),
            new Discharge.Content(
                request.dischargedOn(),
                request.reason(),
                request.summary(),
                request.goals() == null ? List.of() : request.goals()),
            request.version());
    return ResponseEntity.status(HttpStatus.CREATED).body(DischargeView.of(discharge));
  }
}

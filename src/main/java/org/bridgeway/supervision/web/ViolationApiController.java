package org.bridgeway.supervision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.ViolationId;
import org.bridgeway.supervision.violation.Incentive;
import org.bridgeway.supervision.violation.IncentiveKind;
import org.bridgeway.supervision.violation.ResponseGuide;
import org.bridgeway.supervision.violation.ResponseRange;
import org.bridgeway.supervision.violation.Sanction;
import org.bridgeway.supervision.violation.Violation;
import org.bridgeway.supervision.violation.ViolationKind;
import org.bridgeway.supervision.violation.ViolationRecords;
import org.bridgeway.supervision.violation.ViolationResponse;
import org.bridgeway.supervision.violation.ViolationSeverity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Violations on supervision cases with the sanctions given in response, incentives, and the
 * agency's response matrix (ADR 0011). Each violation carries the range suggested for it; a
 * sanction outside it needs a reason.
 */
@RestController
class ViolationApiController {

  record ViolationRequest(
      @NotNull LocalDate occurredOn,
      UUID conditionId,
      @NotNull ViolationKind kind,
      @NotNull ViolationSeverity severity,
      @NotBlank @Size(max = Violation.MAX_TEXT) String description,
      Boolean markOutOfCompliance) {}

  record ResponseRequest(
      @NotNull Sanction sanction,
      @NotNull LocalDate respondedOn,
      @Size(max = Violation.MAX_TEXT) String note,
      @Size(max = Violation.MAX_REASON) String reason,
      @NotNull @Min(0) Long version) {}

  record IncentiveRequest(
      @NotNull IncentiveKind kind,
      @NotNull LocalDate givenOn,
      @Size(max = Violation.MAX_TEXT) String note) {}

  record RangeRequest(
      @NotNull Sanction lowest, @NotNull Sanction highest, @NotNull @Min(0) Long version) {}

  record RangeView(
      ViolationSeverity severity,
      SupervisionLevel level,
      Sanction lowest,
      Sanction highest,
      List<Sanction> sanctions) {

    static RangeView of(ResponseRange range) {
      return new RangeView(
          range.severity(), range.level(), range.lowest(), range.highest(), range.sanctions());
    }
  }

  record ConfiguredRangeView(RangeView range, long version, boolean setByAgency) {}

  record ResponseView(
      Sanction sanction,
      LocalDate respondedOn,
      String note,
      boolean withinRange,
      String reason,
      Instant recordedAt) {

    static ResponseView of(ViolationResponse r) {
      return new ResponseView(
          r.sanction(), r.respondedOn(), r.note(), r.withinRange(), r.reason(), r.recordedAt());
    }
  }

  record ViolationView(
      UUID id,
      long version,
      LocalDate occurredOn,
      UUID conditionId,
      ViolationKind kind,
      ViolationSeverity severity,
      String description,
      SupervisionLevel level,
      boolean open,
      RangeView suggested,
      List<ResponseView> responses) {

    static ViolationView of(ViolationRecords.Assessed assessed) {
      Violation v = assessed.violation();
      return new ViolationView(
          v.id().value(),
          v.version(),
          v.occurredOn(),
          v.conditionId() == null ? null : v.conditionId().value(),
          v.kind(),
          v.severity(),
          v.description(),
          v.level(),
          v.open(),
          RangeView.of(assessed.suggested()),
          v.responses().stream().map(ResponseView::of).toList());
    }
  }

  record IncentiveView(UUID id, IncentiveKind kind, LocalDate givenOn, String note) {
    static IncentiveView of(Incentive i) {
      return new IncentiveView(i.id().value(), i.kind(), i.givenOn(), i.note());
    }
  }

  record CaseViolationsView(
      UUID caseId, List<ViolationView> violations, List<IncentiveView> incentives) {}

  private final ViolationRecords violations;

  ViolationApiController(ViolationRecords violations) {
    this.violations = violations;
  }

  @GetMapping("/api/v1/supervision/cases/{id}/violations")
  @PreAuthorize(SupervisionRoles.STAFF)
  CaseViolationsView list(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    ViolationRecords.CaseViolations found = violations.violationsOf(principal, new CaseId(id));
    return new CaseViolationsView(
        id,
        found.violations().stream().map(ViolationView::of).toList(),
        found.incentives().stream().map(IncentiveView::of).toList());
  }

  @PostMapping("/api/v1/supervision/cases/{id}/violations")
  @PreAuthorize(SupervisionRoles.STAFF)
  ResponseEntity<ViolationView> record(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ViolationRequest request) {
    ViolationRecords.Assessed recorded =
        violations.record(
            principal,
            new CaseId(id),
            new ViolationRecords.NewViolation(
                request.occurredOn(),
                request.conditionId() == null ? null : new ConditionId(request.conditionId()),
                request.kind(),
                request.severity(),
                request.description(),
                Boolean.TRUE.equals(request.markOutOfCompliance())));
    return ResponseEntity.status(HttpStatus.CREATED).body(ViolationView.of(recorded));
  }

  @PostMapping("/api/v1/supervision/cases/{id}/violations/{violationId}/responses")
  @PreAuthorize(SupervisionRoles.STAFF)
  ResponseEntity<ViolationView> respond(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID violationId,
      @Valid @RequestBody ResponseRequest request) {
    ViolationRecords.Assessed responded =
        violations.respond(
            principal,
            new CaseId(id),
            new ViolationId(violationId),
            new ViolationRecords.NewResponse(
                request.sanction(), request.respondedOn(), request.note(), request.reason()),
            request.version());
    return ResponseEntity.status(HttpStatus.CREATED).body(ViolationView.of(responded));
  }

  @PostMapping("/api/v1/supervision/cases/{id}/incentives")
  @PreAuthorize(SupervisionRoles.STAFF)
  ResponseEntity<IncentiveView> giveIncentive(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody IncentiveRequest request) {
    Incentive incentive =
        violations.giveIncentive(
            principal, new CaseId(id), request.kind(), request.givenOn(), request.note());
    return ResponseEntity.status(HttpStatus.CREATED).body(IncentiveView.of(incentive));
  }

  @GetMapping("/api/v1/supervision/agencies/{agencyId}/response-guide")
  @PreAuthorize(SupervisionRoles.STAFF)
  List<ConfiguredRangeView> guide(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID agencyId) {
    ContactApiController.requireOwn(principal, agencyId);
    return violations.guide(principal).stream().map(ViolationApiController::view).toList();
  }

  @PutMapping("/api/v1/supervision/agencies/{agencyId}/response-guide/{severity}/{level}")
  @PreAuthorize(SupervisionRoles.ADMINISTRATORS)
  ConfiguredRangeView setRange(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID agencyId,
      @PathVariable ViolationSeverity severity,
      @PathVariable SupervisionLevel level,
      @Valid @RequestBody RangeRequest request) {
    ContactApiController.requireOwn(principal, agencyId);
    ResponseRange range = range(severity, level, request.lowest(), request.highest());
    long version = violations.setRange(principal, range, request.version());
    return new ConfiguredRangeView(RangeView.of(range), version, true);
  }

  /** A range from what the caller sent, or the fields at fault. */
  private static ResponseRange range(
      ViolationSeverity severity, SupervisionLevel level, Sanction lowest, Sanction highest) {
    List<FieldViolation> rejected = new ArrayList<>();
    if (!lowest.onTheLadder()) {
      rejected.add(new FieldViolation("lowest", "OffTheLadder", "must be a graduated sanction"));
    }
    if (!highest.onTheLadder()) {
      rejected.add(new FieldViolation("highest", "OffTheLadder", "must be a graduated sanction"));
    }
    if (rejected.isEmpty() && lowest.compareTo(highest) > 0) {
      rejected.add(
          new FieldViolation("highest", "BelowLowest", "must not be below the lowest sanction"));
    }
    if (!rejected.isEmpty()) {
      throw new SupervisionInputRejected(rejected);
    }
    return new ResponseRange(severity, level, lowest, highest);
  }

  private static ConfiguredRangeView view(ResponseGuide.Configured configured) {
    return new ConfiguredRangeView(
        RangeView.of(configured.range()), configured.version(), configured.agencys());
  }
}

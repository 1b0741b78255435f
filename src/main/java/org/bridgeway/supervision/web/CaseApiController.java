package org.bridgeway.supervision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.caseload.CaseDetails;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.supervision.caseload.ConditionStatus;
import org.bridgeway.supervision.caseload.Offense;
import org.bridgeway.supervision.caseload.OpenCase;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.office.OfficeId;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Supervision cases and their conditions over the API. Changes carry the version the caller read; a
 * stale one answers 409. A closed case answers 422 to any change.
 */
@RestController
class CaseApiController {

  record OffenseBody(
      @NotNull OffenseCategory category, @NotBlank @Size(max = 300) String description) {}

  record OpenCaseRequest(
      @NotNull SupervisionType supervisionType,
      @NotBlank @Size(max = 200) String court,
      @NotBlank @Size(max = 60) String docketNumber,
      @NotNull LocalDate startDate,
      @NotNull LocalDate expectedEndDate,
      @NotNull SupervisionLevel level,
      @NotNull UUID officerId,
      @Size(max = 20) List<@NotNull @Valid OffenseBody> offenses) {}

  /** The officer to move the case to, and the office (null: the officer's home office). */
  record TransferRequest(
      @NotNull UUID officerId,
      UUID officeId,
      @Size(max = 500) String reason,
      @NotNull @Min(0) Long version) {}

  record CloseRequest(
      @NotNull ClosureReason reason, @NotNull LocalDate closedOn, @NotNull @Min(0) Long version) {}

  record NoteBody(
      @NotNull LocalDate notedOn, @NotBlank @Size(max = Condition.MAX_NOTE) String text) {

    CaseRecords.NewNote toNote() {
      return new CaseRecords.NewNote(notedOn, text);
    }
  }

  record ConditionRequest(
      @NotNull ConditionKind kind,
      Boolean special,
      @NotBlank @Size(max = 1000) String description) {}

  record ConditionUpdateRequest(
      @NotNull ConditionKind kind,
      Boolean special,
      @NotBlank @Size(max = 1000) String description,
      @NotNull ConditionStatus status,
      @Valid NoteBody note,
      @NotNull @Min(0) Long version) {}

  private final CaseRecords cases;

  CaseApiController(CaseRecords cases) {
    this.cases = cases;
  }

  @PostMapping("/api/v1/supervision/people/{id}/cases")
  @PreAuthorize(SupervisionRoles.STAFF)
  ResponseEntity<CaseView> open(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody OpenCaseRequest request) {
    SupervisionCase opened =
        cases.open(
            principal,
            new OpenCase(
                new PersonId(id),
                request.supervisionType(),
                request.court(),
                request.docketNumber(),
                request.startDate(),
                request.expectedEndDate(),
                request.level(),
                new UserId(request.officerId()),
                request.offenses() == null
                    ? List.of()
                    : request.offenses().stream()
                        .map(o -> new Offense(o.category(), o.description()))
                        .toList()));
    return ResponseEntity.created(
            ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/supervision/cases/{id}")
                .buildAndExpand(opened.id())
                .toUri())
        .body(CaseView.of(opened, List.of()));
  }

  @GetMapping("/api/v1/supervision/cases/{id}")
  @PreAuthorize(SupervisionRoles.STAFF)
  CaseView read(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return view(cases.read(principal, new CaseId(id)));
  }

  private static CaseView view(CaseDetails details) {
    return CaseView.of(details.supervisionCase(), details.conditions());
  }

  @PostMapping("/api/v1/supervision/cases/{id}/transfer")
  @PreAuthorize(SupervisionRoles.ASSIGNERS)
  CaseView transfer(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody TransferRequest request) {
    return view(
        cases.transfer(
            principal,
            new CaseId(id),
            new UserId(request.officerId()),
            request.officeId() == null ? null : new OfficeId(request.officeId()),
            request.reason(),
            request.version()));
  }

  @PostMapping("/api/v1/supervision/cases/{id}/close")
  @PreAuthorize(SupervisionRoles.STAFF)
  CaseView close(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody CloseRequest request) {
    return view(
        cases.close(
            principal, new CaseId(id), request.reason(), request.closedOn(), request.version()));
  }

  @PostMapping("/api/v1/supervision/cases/{id}/conditions")
  @PreAuthorize(SupervisionRoles.STAFF)
  ResponseEntity<CaseView.ConditionView> addCondition(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ConditionRequest request) {
    Condition condition =
        cases.addCondition(
            principal,
            new CaseId(id),
            request.kind(),
            Boolean.TRUE.equals(request.special()),
            request.description());
    return ResponseEntity.status(HttpStatus.CREATED).body(CaseView.ConditionView.of(condition));
  }

  @PutMapping("/api/v1/supervision/cases/{id}/conditions/{conditionId}")
  @PreAuthorize(SupervisionRoles.STAFF)
  CaseView.ConditionView updateCondition(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID conditionId,
      @Valid @RequestBody ConditionUpdateRequest request) {
    return CaseView.ConditionView.of(
        cases.updateCondition(
            principal,
            new CaseId(id),
            new ConditionId(conditionId),
            request.kind(),
            Boolean.TRUE.equals(request.special()),
            request.description(),
            request.status(),
            request.note() == null ? null : request.note().toNote(),
            request.version()));
  }

  @PostMapping("/api/v1/supervision/cases/{id}/conditions/{conditionId}/notes")
  @PreAuthorize(SupervisionRoles.STAFF)
  ResponseEntity<CaseView.ConditionView> addNote(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID conditionId,
      @Valid @RequestBody NoteBody request) {
    Condition condition =
        cases.addNote(principal, new CaseId(id), new ConditionId(conditionId), request.toNote());
    return ResponseEntity.status(HttpStatus.CREATED).body(CaseView.ConditionView.of(condition));
  }
}

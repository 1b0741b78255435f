package org.bridgeway.supervision.plan.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.plan.CasePlan;
import org.bridgeway.supervision.plan.GoalStatus;
import org.bridgeway.supervision.plan.PlanRecords;
import org.bridgeway.supervision.plan.TaskOwner;
import org.bridgeway.supervision.plan.TaskStatus;
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
 * The case plan of a case over the API. Every change carries the plan version the caller read and
 * answers the whole plan; a stale version answers 409.
 */
@RestController
class PlanApiController {

  static final String STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";
  private static final String PLAN = "/api/v1/supervision/cases/{id}/plan";

  record GoalRequest(
      @NotNull NeedDomain domain,
      @NotBlank @Size(max = CasePlan.MAX_TEXT) String description,
      LocalDate targetDate,
      @NotNull @Min(0) Long version) {}

  record GoalUpdate(
      @NotBlank @Size(max = CasePlan.MAX_TEXT) String description,
      LocalDate targetDate,
      @NotNull GoalStatus status,
      @Min(0) Integer position,
      @NotNull @Min(0) Long version) {}

  record TaskRequest(
      @NotBlank @Size(max = CasePlan.MAX_TEXT) String description,
      @NotNull TaskOwner owner,
      @Size(max = 200) String ownerName,
      LocalDate dueOn,
      @NotNull @Min(0) Long version) {}

  record TaskUpdate(@NotNull TaskStatus status, @NotNull @Min(0) Long version) {}

  record NoteRequest(
      @NotNull LocalDate notedOn,
      @NotBlank @Size(max = CasePlan.MAX_NOTE) String text,
      @NotNull @Min(0) Long version) {}

  record SignatureRequest(@NotNull LocalDate signedOn, @NotNull @Min(0) Long version) {}

  private final PlanRecords plans;

  PlanApiController(PlanRecords plans) {
    this.plans = plans;
  }

  @PostMapping(PLAN)
  @PreAuthorize(STAFF)
  ResponseEntity<PlanView> create(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(PlanView.of(plans.create(principal, new CaseId(id))));
  }

  @GetMapping(PLAN)
  @PreAuthorize(STAFF)
  PlanView read(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return PlanView.of(
        plans
            .read(principal, new CaseId(id))
            .plan()
            .orElseThrow(() -> new NotFoundException("case plan")));
  }

  @PostMapping(PLAN + "/goals")
  @PreAuthorize(STAFF)
  ResponseEntity<PlanView> addGoal(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody GoalRequest request) {
    CasePlan plan =
        plans.addGoal(
            principal,
            new CaseId(id),
            new PlanRecords.NewGoal(request.domain(), request.description(), request.targetDate()),
            request.version());
    return ResponseEntity.status(HttpStatus.CREATED).body(PlanView.of(plan));
  }

  @PutMapping(PLAN + "/goals/{goalId}")
  @PreAuthorize(STAFF)
  PlanView reviseGoal(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @Valid @RequestBody GoalUpdate request) {
    return PlanView.of(
        plans.reviseGoal(
            principal,
            new CaseId(id),
            goalId,
            new PlanRecords.GoalChange(
                request.description(), request.targetDate(), request.status(), request.position()),
            request.version()));
  }

  @PostMapping(PLAN + "/goals/{goalId}/tasks")
  @PreAuthorize(STAFF)
  ResponseEntity<PlanView> addTask(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @Valid @RequestBody TaskRequest request) {
    CasePlan plan =
        plans.addTask(
            principal,
            new CaseId(id),
            goalId,
            new PlanRecords.NewTask(
                request.description(), request.owner(), request.ownerName(), request.dueOn()),
            request.version());
    return ResponseEntity.status(HttpStatus.CREATED).body(PlanView.of(plan));
  }

  @PutMapping(PLAN + "/goals/{goalId}/tasks/{taskId}")
  @PreAuthorize(STAFF)
  PlanView recordTask(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @PathVariable UUID taskId,
      @Valid @RequestBody TaskUpdate request) {
    return PlanView.of(
        plans.recordTask(
            principal, new CaseId(id), goalId, taskId, request.status(), request.version()));
  }

  @PostMapping(PLAN + "/goals/{goalId}/notes")
  @PreAuthorize(STAFF)
  ResponseEntity<PlanView> addNote(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @Valid @RequestBody NoteRequest request) {
    CasePlan plan =
        plans.addNote(
            principal,
            new CaseId(id),
            goalId,
            request.notedOn(),
            request.text(),
            request.version());
    return ResponseEntity.status(HttpStatus.CREATED).body(PlanView.of(plan));
  }

  @PostMapping(PLAN + "/signature")
  @PreAuthorize(STAFF)
  PlanView sign(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody SignatureRequest request) {
    return PlanView.of(
        plans.sign(principal, new CaseId(id), request.signedOn(), request.version()));
  }
}

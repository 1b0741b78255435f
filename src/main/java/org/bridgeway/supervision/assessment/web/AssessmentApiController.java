package org.bridgeway.supervision.assessment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.Responsivity;
import org.bridgeway.supervision.ResponsivityFactor;
import org.bridgeway.supervision.ResponsivityLevel;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.SupervisionNeeds;
import org.bridgeway.supervision.assessment.Assessment;
import org.bridgeway.supervision.assessment.AssessmentRecords;
import org.bridgeway.supervision.assessment.DomainResult;
import org.bridgeway.supervision.assessment.InstrumentDefinition;
import org.bridgeway.supervision.assessment.InstrumentId;
import org.bridgeway.supervision.assessment.NewResponsivity;
import org.bridgeway.supervision.assessment.web.AssessmentViews.AssessmentView;
import org.bridgeway.supervision.assessment.web.AssessmentViews.DueView;
import org.bridgeway.supervision.assessment.web.AssessmentViews.HistoryView;
import org.bridgeway.supervision.assessment.web.AssessmentViews.InstrumentView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessment instruments, assessments, responsivity factors and needs over the API. Instruments are
 * the agency administrators'; the rest is for whoever sees the person.
 */
@RestController
@Validated
class AssessmentApiController {

  private static final String BASE = "/api/v1/supervision";

  record InstrumentRequest(
      @NotBlank @Size(max = 200) String name, @NotNull InstrumentDefinition definition) {}

  record InstrumentRevision(
      @NotBlank @Size(max = 200) String name,
      @NotNull InstrumentDefinition definition,
      @NotNull @Min(0) Long version) {}

  record ResponsivityBody(
      @NotNull ResponsivityFactor factor,
      @NotNull ResponsivityLevel level,
      @Size(max = 1000) String notes) {

    NewResponsivity toFactor() {
      return new NewResponsivity(factor, level, notes);
    }
  }

  record AssessmentRequest(
      @NotNull UUID instrumentId,
      @NotNull LocalDate assessedOn,
      @NotNull @Size(max = 500) Map<@NotBlank @Size(max = 40) String, @NotNull Integer> answers,
      @Size(max = 9) List<@NotNull @Valid ResponsivityBody> responsivity) {}

  record DomainBody(
      @NotNull NeedDomain domain,
      @NotNull NeedSeverity severity,
      @Min(0) @Max(1000) Integer score) {}

  record ExternalRequest(
      @NotBlank @Size(max = 200) String instrumentName,
      @NotNull LocalDate assessedOn,
      @NotNull RiskLevel riskLevel,
      @NotEmpty @Size(max = 16) List<@NotNull @Valid DomainBody> domains,
      @Size(max = 9) List<@NotNull @Valid ResponsivityBody> responsivity) {}

  record ResponsivityRequest(
      @NotNull LocalDate recordedOn,
      @NotEmpty @Size(max = 9) List<@NotNull @Valid ResponsivityBody> factors) {}

  private final AssessmentRecords records;
  private final SupervisionNeeds needs;

  AssessmentApiController(AssessmentRecords records, SupervisionNeeds needs) {
    this.records = records;
    this.needs = needs;
  }

  @GetMapping(BASE + "/instruments")
  @PreAuthorize(AssessmentRoles.STAFF)
  List<InstrumentView> instruments(@AuthenticationPrincipal BridgewayPrincipal principal) {
    return records.instruments(principal).stream().map(InstrumentView::of).toList();
  }

  @GetMapping(BASE + "/instruments/{id}")
  @PreAuthorize(AssessmentRoles.STAFF)
  InstrumentView instrument(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return InstrumentView.of(records.instrument(principal, new InstrumentId(id)));
  }

  @PostMapping(BASE + "/instruments")
  @PreAuthorize(AssessmentRoles.ADMINISTRATORS)
  ResponseEntity<InstrumentView> define(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody InstrumentRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(InstrumentView.of(records.define(principal, request.name(), request.definition())));
  }

  @PutMapping(BASE + "/instruments/{id}")
  @PreAuthorize(AssessmentRoles.ADMINISTRATORS)
  InstrumentView revise(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody InstrumentRevision request) {
    return InstrumentView.of(
        records.revise(
            principal,
            new InstrumentId(id),
            request.name(),
            request.definition(),
            request.version()));
  }

  @PostMapping(BASE + "/people/{id}/assessments")
  @PreAuthorize(AssessmentRoles.STAFF)
  ResponseEntity<AssessmentView> complete(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody AssessmentRequest request) {
    Assessment assessment =
        records.complete(
            principal,
            new PersonId(id),
            new InstrumentId(request.instrumentId()),
            request.answers(),
            request.assessedOn(),
            factors(request.responsivity()));
    return ResponseEntity.status(HttpStatus.CREATED).body(AssessmentView.of(assessment));
  }

  @PostMapping(BASE + "/people/{id}/assessments/external")
  @PreAuthorize(AssessmentRoles.STAFF)
  ResponseEntity<AssessmentView> importResult(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ExternalRequest request) {
    Map<NeedDomain, DomainResult> domains = new EnumMap<>(NeedDomain.class);
    for (int i = 0; i < request.domains().size(); i++) {
      DomainBody body = request.domains().get(i);
      if (domains.put(body.domain(), new DomainResult(body.severity(), body.score())) != null) {
        throw SupervisionInputRejected.of(
            "domains[" + i + "].domain", "Duplicate", "is given twice");
      }
    }
    Assessment assessment =
        records.importResult(
            principal,
            new PersonId(id),
            new AssessmentRecords.ExternalResult(
                request.instrumentName(), request.assessedOn(), request.riskLevel(), domains),
            factors(request.responsivity()));
    return ResponseEntity.status(HttpStatus.CREATED).body(AssessmentView.of(assessment));
  }

  @GetMapping(BASE + "/people/{id}/assessments")
  @PreAuthorize(AssessmentRoles.STAFF)
  HistoryView history(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return HistoryView.of(id, records.history(principal, new PersonId(id)));
  }

  @PostMapping(BASE + "/people/{id}/responsivity")
  @PreAuthorize(AssessmentRoles.STAFF)
  ResponseEntity<List<Responsivity>> recordResponsivity(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ResponsivityRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            records.recordResponsivity(
                principal, new PersonId(id), request.recordedOn(), factors(request.factors())));
  }

  @GetMapping(BASE + "/people/{id}/needs")
  @PreAuthorize(AssessmentRoles.STAFF)
  AssessmentViews.NeedsView needs(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return AssessmentViews.NeedsView.of(needs.latest(principal, new PersonId(id)));
  }

  @GetMapping(BASE + "/assessments/due")
  @PreAuthorize(AssessmentRoles.STAFF)
  List<DueView> due(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(defaultValue = "30") int withinDays) {
    return records.due(principal, withinDays).stream().map(DueView::of).toList();
  }

  private static List<NewResponsivity> factors(List<ResponsivityBody> bodies) {
    return bodies == null ? List.of() : bodies.stream().map(ResponsivityBody::toFactor).toList();
  }
}

package org.bridgeway.care.report;

import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Continuity measures over the API: per person (as far as the consent allows) and per program. */
@RestController
class MeasuresApiController {

  private final ContinuityMeasures measures;

  MeasuresApiController(ContinuityMeasures measures) {
    this.measures = measures;
  }

  @GetMapping("/api/v1/care/people/{id}/measures")
  @PreAuthorize(ReportRoles.AGENCY_STAFF)
  ContinuityMeasures.PersonMeasures person(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return measures.ofPerson(principal, new PersonId(id));
  }

  @GetMapping("/api/v1/care/programs/{providerId}/measures")
  @PreAuthorize(ReportRoles.AGENCY_STAFF)
  ContinuityMeasures.ProgramMeasures program(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID providerId) {
    return measures.ofProgram(principal, new OrganizationId(providerId));
  }
}

package org.bridgeway.supervision.web;

import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.caseload.Teams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The agency's teams: which supervisor an officer reports to (ADR 0009). */
@RestController
class TeamApiController {

  /** The supervisor to report to; null takes the officer off their team. */
  record SupervisorRequest(UUID supervisorId) {}

  record TeamLink(UUID officerId, UUID supervisorId) {}

  private final Teams teams;

  TeamApiController(Teams teams) {
    this.teams = teams;
  }

  @PutMapping("/api/v1/supervision/officers/{id}/supervisor")
  @PreAuthorize(SupervisionRoles.ADMINISTRATORS)
  TeamLink assign(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestBody SupervisorRequest request) {
    UserId officer = new UserId(id);
    teams.assign(
        principal,
        officer,
        request.supervisorId() == null ? null : new UserId(request.supervisorId()));
    return new TeamLink(id, teams.supervisorOf(officer).map(UserId::value).orElse(null));
  }
}

package org.bridgeway.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.consent.emergency.EmergencyAccess;
import org.bridgeway.consent.emergency.EmergencyGrant;
import org.bridgeway.consent.emergency.EmergencyGrantId;
import org.bridgeway.consent.program.Part2Register;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.supervision.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions of the consent engine for the caller, medical-emergency access with its review by the
 * recipient organization's administrators, and the register of Part 2 programs.
 */
@RestController
class DecisionApiController {

  private static final String BASE = "/api/v1/consent";

  /**
   * A question for the engine, asked for the caller.
   *
   * @param sensitivity the data's sensitivity; when left out, Part 2 if the discloser is a Part 2
   *     program, health otherwise
   */
  record DecisionRequest(
      @NotNull UUID personId,
      @NotNull UUID discloserId,
      @NotNull InformationCategory category,
      @NotNull DisclosurePurpose purpose,
      Sensitivity sensitivity) {}

  record DecisionView(
      boolean permitted,
      UUID directiveId,
      WithholdingReason reason,
      LocalDate since,
      boolean breakGlass,
      String noticeKey) {

    static DecisionView of(ConsentDecision decision, Sensitivity sensitivity) {
      return new DecisionView(
          decision.permitted(),
          decision.directive() == null ? null : decision.directive().value(),
          decision.reason(),
          decision.since(),
          decision.breakGlass(),
          decision.permitted() && sensitivity == Sensitivity.PART_2
              ? ConsentDecisions.NOTICE_KEY
              : null);
    }
  }

  record EmergencyRequest(@NotNull UUID personId, @Size(max = 1000) String reason, Integer hours) {}

  record ReviewRequest(@Size(max = 1000) String note, @NotNull @Min(0) Long version) {}

  record GrantView(
      UUID id,
      UUID personId,
      UUID organizationId,
      String grantedTo,
      String reason,
      Instant grantedAt,
      Instant expiresAt,
      Instant reviewedAt,
      String reviewedBy,
      String reviewNote,
      long version) {

    static GrantView of(EmergencyGrant g) {
      return new GrantView(
          g.id().value(),
          g.person().value(),
          g.organization().value(),
          g.grantedTo(),
          g.reason(),
          g.grantedAt(),
          g.expiresAt(),
          g.reviewedAt(),
          g.reviewedBy(),
          g.reviewNote(),
          g.version());
    }
  }

  record ProgramView(
      UUID organizationId, String name, OrganizationKind kind, String markedBy, Instant markedAt) {}

  private final ConsentDecisions decisions;
  private final Part2Programs part2;
  private final Part2Register register;
  private final EmergencyAccess emergencies;

  DecisionApiController(
      ConsentDecisions decisions,
      Part2Programs part2,
      Part2Register register,
      EmergencyAccess emergencies) {
    this.decisions = decisions;
    this.part2 = part2;
    this.register = register;
    this.emergencies = emergencies;
  }

  @PostMapping(BASE + "/decisions")
  @PreAuthorize(ConsentRoles.ASKERS)
  DecisionView decide(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody DecisionRequest request) {
    OrganizationId discloser = new OrganizationId(request.discloserId());
    Sensitivity sensitivity =
        request.sensitivity() != null ? request.sensitivity() : part2.sensitivityOf(discloser);
    ConsentDecision decision =
        decisions.decide(
            principal,
            new DisclosureRequest(
                new PersonId(request.personId()),
                discloser,
                request.category(),
                request.purpose(),
                sensitivity));
    return DecisionView.of(decision, sensitivity);
  }

  @PostMapping(BASE + "/emergency-access")
  @PreAuthorize(ConsentRoles.MEDICAL)
  ResponseEntity<GrantView> grant(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @Valid @RequestBody EmergencyRequest request) {
    EmergencyGrant grant =
        emergencies.grant(
            principal, new PersonId(request.personId()), request.reason(), request.hours());
    return ResponseEntity.status(201).body(GrantView.of(grant));
  }

  @GetMapping(BASE + "/emergency-access/reviews")
  @PreAuthorize(ConsentRoles.ADMINISTRATORS)
  List<GrantView> reviews(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @RequestParam(name = "all", defaultValue = "false") boolean all) {
    return emergencies.forReview(principal, all).stream().map(GrantView::of).toList();
  }

  @PostMapping(BASE + "/emergency-access/{id}/review")
  @PreAuthorize(ConsentRoles.ADMINISTRATORS)
  GrantView review(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ReviewRequest request) {
    return GrantView.of(
        emergencies.review(principal, new EmergencyGrantId(id), request.note(), request.version()));
  }

  @GetMapping(BASE + "/part2-programs")
  @PreAuthorize(ConsentRoles.SIGNED_IN)
  List<ProgramView> programs() {
    return register.programs().stream()
        .map(
            p ->
                new ProgramView(
                    p.organization().value(), p.name(), p.kind(), p.markedBy(), p.markedAt()))
        .toList();
  }

  @PutMapping(BASE + "/part2-programs/{organizationId}")
  @PreAuthorize(ConsentRoles.NETWORK_ADMIN)
  ResponseEntity<Void> mark(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID organizationId) {
    register.mark(principal, new OrganizationId(organizationId));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(BASE + "/part2-programs/{organizationId}")
  @PreAuthorize(ConsentRoles.NETWORK_ADMIN)
  ResponseEntity<Void> unmark(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID organizationId) {
    register.unmark(principal, new OrganizationId(organizationId));
    return ResponseEntity.noContent().build();
  }
}

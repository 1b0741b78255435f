package org.bridgeway.consent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.ConsentInputRejected;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.ConsentDirectiveRecords;
import org.bridgeway.consent.directive.ConsentDirectiveRecords.NewDirective;
import org.bridgeway.consent.directive.Directives;
import org.bridgeway.consent.directive.FormLanguage;
import org.bridgeway.consent.directive.RevocationMethod;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.consent.directive.TemplateId;
import org.bridgeway.consent.engine.DirectiveStandings;
import org.bridgeway.consent.engine.DisclosureAccounting;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.ApiBodyLimit;
import org.bridgeway.supervision.PersonId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A person's consent directives over the API: list, record, read, revoke, amend, the paper form's
 * scan, and the accounting of disclosures. The supervising agency's staff who see the person use
 * it; for anyone else the person does not exist (404).
 */
@RestController
class DirectiveApiController {

  private static final String BASE = "/api/v1/consent";

  /** A paper form's scan: its type and content (base64 in JSON). */
  record ScanBody(@Size(max = 40) String contentType, byte[] content) {}

  record DirectiveRequest(
      @NotNull @Valid TermsBody terms,
      UUID templateId,
      LocalDate signedOn,
      SignatureMethod signatureMethod,
      @Size(max = 200) String typedName,
      Boolean attested,
      @Valid ScanBody scan,
      String language) {

    NewDirective toCommand() {
      FormLanguage form = null;
      if (language != null) {
        try {
          form = FormLanguage.ofCode(language);
        } catch (IllegalArgumentException unknown) {
          throw ConsentInputRejected.of("language", "TypeMismatch", "must be en or es");
        }
      }
      return new NewDirective(
          terms.toTerms(),
          templateId == null ? null : new TemplateId(templateId),
          signedOn,
          signatureMethod,
          typedName,
          Boolean.TRUE.equals(attested),
          scan == null ? null : new Directives.Scan(scan.contentType(), scan.content()),
          form);
    }
  }

  record AmendmentRequest(
      @NotNull @Min(0) Long version, @NotNull @Valid DirectiveRequest directive) {}

  record RevocationRequest(@NotNull RevocationMethod method, @NotNull @Min(0) Long version) {}

  record DirectiveView(
      UUID id,
      UUID personId,
      UUID organizationId,
      TermsBody terms,
      LocalDate signedOn,
      SignatureMethod signatureMethod,
      String typedName,
      String attestedBy,
      String language,
      boolean hasScan,
      UUID templateId,
      String recordedBy,
      Instant recordedAt,
      Instant revokedAt,
      String revokedBy,
      RevocationMethod revocationMethod,
      UUID supersededBy,
      Instant supersededAt,
      DirectiveStandings.Status status,
      LocalDate statusSince,
      long version) {

    static DirectiveView of(ConsentDirective d, DirectiveStandings.Standing standing) {
      return new DirectiveView(
          d.id().value(),
          d.person().value(),
          d.organization().value(),
          TermsBody.of(d.terms()),
          d.signature().signedOn(),
          d.signature().method(),
          d.signature().typedName(),
          d.signature().attestedBy(),
          d.signature().language().code(),
          d.signature().method() == SignatureMethod.PAPER,
          d.template() == null ? null : d.template().value(),
          d.recordedBy(),
          d.recordedAt(),
          d.revokedAt(),
          d.revokedBy(),
          d.revocationMethod(),
          d.supersededBy() == null ? null : d.supersededBy().value(),
          d.supersededAt(),
          standing.status(),
          standing.since(),
          d.version());
    }
  }

  record EntryView(
      DisclosureAccounting.EntryKind kind,
      Instant at,
      UUID recipientOrganizationId,
      String recipient,
      UUID discloserId,
      InformationCategory category,
      DisclosurePurpose purpose,
      UUID directiveId,
      UUID emergencyGrantId,
      String description,
      boolean reviewed) {}

  record AccountingView(UUID personId, LocalDate from, LocalDate to, List<EntryView> entries) {}

  private final ConsentDirectiveRecords records;
  private final DirectiveStandings standings;
  private final DisclosureAccounting accounting;

  DirectiveApiController(
      ConsentDirectiveRecords records,
      DirectiveStandings standings,
      DisclosureAccounting accounting) {
    this.records = records;
    this.standings = standings;
    this.accounting = accounting;
  }

  @GetMapping(BASE + "/people/{id}/directives")
  @PreAuthorize(ConsentRoles.AGENCY_STAFF)
  List<DirectiveView> list(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return views(records.directivesOf(principal, new PersonId(id)));
  }

  @PostMapping(BASE + "/people/{id}/directives")
  @PreAuthorize(ConsentRoles.AGENCY_STAFF)
  @ApiBodyLimit("8MB")
  ResponseEntity<DirectiveView> record(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody DirectiveRequest request) {
    ConsentDirective recorded = records.record(principal, new PersonId(id), request.toCommand());
    return created(recorded);
  }

  @GetMapping(BASE + "/directives/{id}")
  @PreAuthorize(ConsentRoles.AGENCY_STAFF)
  DirectiveView read(@AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return view(records.directive(principal, new ConsentDirectiveId(id)));
  }

  @GetMapping(BASE + "/directives/{id}/scan")
  @PreAuthorize(ConsentRoles.AGENCY_STAFF)
  ResponseEntity<byte[]> scan(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    Directives.Scan scan = records.scanOf(principal, new ConsentDirectiveId(id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(scan.contentType()))
        .header("Content-Disposition", "attachment; filename=\"consent-" + id + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(scan.content());
  }

  @PostMapping(BASE + "/directives/{id}/revocation")
  @PreAuthorize(ConsentRoles.AGENCY_STAFF)
  DirectiveView revoke(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody RevocationRequest request) {
    return view(
        records.revoke(principal, new ConsentDirectiveId(id), request.method(), request.version()));
  }

  @PostMapping(BASE + "/directives/{id}/amendment")
  @PreAuthorize(ConsentRoles.AGENCY_STAFF)
  @ApiBodyLimit("8MB")
  ResponseEntity<DirectiveView> amend(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody AmendmentRequest request) {
    ConsentDirective amendment =
        records.amend(
            principal,
            new ConsentDirectiveId(id),
            request.version(),
            request.directive().toCommand());
    return created(amendment);
  }

  @GetMapping(BASE + "/people/{id}/accounting")
  @PreAuthorize(ConsentRoles.AGENCY_STAFF)
  AccountingView accounting(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    DisclosureAccounting.Accounting found = accounting.accountingOf(principal, new PersonId(id));
    return new AccountingView(
        found.person().value(),
        found.from(),
        found.to(),
        found.entries().stream()
            .map(
                e ->
                    new EntryView(
                        e.kind(),
                        e.at(),
                        e.recipientOrganization().value(),
                        e.recipient(),
                        e.discloser() == null ? null : e.discloser().value(),
                        e.category(),
                        e.purpose(),
                        e.directive() == null ? null : e.directive().value(),
                        e.emergencyGrant() == null ? null : e.emergencyGrant().value(),
                        e.description(),
                        e.reviewed()))
            .toList());
  }

  private ResponseEntity<DirectiveView> created(ConsentDirective directive) {
    return ResponseEntity.created(
            ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(BASE + "/directives/{id}")
                .buildAndExpand(directive.id())
                .toUri())
        .body(view(directive));
  }

  private DirectiveView view(ConsentDirective directive) {
    return views(List.of(directive)).get(0);
  }

  private List<DirectiveView> views(List<ConsentDirective> directives) {
    Map<ConsentDirectiveId, DirectiveStandings.Standing> now = standings.standingsOf(directives);
    return directives.stream().map(d -> DirectiveView.of(d, now.get(d.id()))).toList();
  }
}
